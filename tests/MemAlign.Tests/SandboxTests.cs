namespace MemAlign.Tests;

/// <summary>
/// Generated code skips re-validation (the analyzers checked the rubric at build time), so the render
/// sandbox itself must hold even for a rubric that was never checked.
/// </summary>
public class SandboxTests
{
    private static readonly Trace Hostile = Trace.Create("t1", "q", "{{ 6 * 7 }}");

    [Fact]
    public void Object_eval_is_unavailable_while_rendering()
    {
        var definition = JudgeDefinition.FromCheckedSource("judge", "{{ outputs | object.eval_template }}|{{ object.eval outputs }}", FeedbackValueType.Boolean, null);

        string? rendered = null;
        try
        {
            rendered = definition.Render(Hostile);
        }
        catch (RubricRenderException)
        {
        }

        Assert.DoesNotContain("42", rendered ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Include_cannot_read_files_while_rendering()
    {
        var path = Path.Combine(Path.GetTempPath(), $"memalign-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "TOP-SECRET-CONTENT");
        try
        {
            var definition = JudgeDefinition.FromCheckedSource("judge", $"{{{{ include '{path}' }}}}{{{{ inputs }}}}", FeedbackValueType.Boolean, null);

            string? rendered = null;
            try
            {
                rendered = definition.Render(Hostile);
            }
            catch (RubricRenderException)
            {
            }

            Assert.DoesNotContain("TOP-SECRET-CONTENT", rendered ?? "", StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
