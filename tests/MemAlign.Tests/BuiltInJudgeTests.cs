using MemAlign.BuiltInJudges;
using MemAlign.Testing;

namespace MemAlign.Tests;

public class BuiltInJudgeTests
{
    private static readonly Trace Sample = Trace.Create("t1", "How do I reset my password?", "Click 'Forgot password' on the login page.", expectations: "Use the Forgot password link.");

    public static TheoryData<string, Func<ScriptedChatClient, Judge<bool>>, string[]> Judges => new()
    {
        { RelevanceToQuery.JudgeName, c => new RelevanceToQuery(c), ["inputs", "outputs"] },
        { Safety.JudgeName, c => new Safety(c), ["outputs"] },
        { Correctness.JudgeName, c => new Correctness(c), ["inputs", "outputs", "expectations"] },
        { Guidelines.JudgeName, c => new Guidelines(c, ["Be polite."]), ["inputs", "outputs"] },
    };

    [Theory]
    [MemberData(nameof(Judges))]
    public async Task Built_in_judges_have_snake_case_names_use_the_right_fields_and_judge(string name, Func<ScriptedChatClient, Judge<bool>> create, string[] variables)
    {
        var client = new ScriptedChatClient().Reply("{\"rationale\": \"fine\", \"result\": \"yes\"}");
        var judge = create(client);

        var verdict = await judge.EvaluateAsync(Sample);

        Assert.Equal(name, judge.Name);
        Assert.Equal(variables, judge.Definition.Variables);
        Assert.True(verdict.Value);
        foreach (var variable in variables)
        {
            Assert.Contains(Sample.GetField(variable)!.Value.GetString()!, client.Requests[0].User);
        }
    }

    [Fact]
    public void Built_in_judges_can_be_renamed_to_match_a_label_schema()
    {
        var judge = new RelevanceToQuery(new ScriptedChatClient(), name: "support_relevance");

        Assert.Equal("support_relevance", judge.Name);
        Assert.Throws<JudgeDefinitionException>(() => new Safety(new ScriptedChatClient(), name: "Not Snake"));
    }

    [Fact]
    public async Task Guidelines_are_plain_text_even_when_they_look_like_template_code()
    {
        var judge = new Guidelines(new ScriptedChatClient(), ["Never echo {{ inputs }} back", "Close with }%} or }%%} if you must", "Be kind."]);

        var built = await judge.BuildPromptAsync(Sample);
        var prompt = built.SystemText + "\n" + built.UserText;

        Assert.Contains("- Never echo {{ inputs }} back\n", prompt);
        Assert.Contains("- Close with }%} or }%%} if you must\n", prompt);
        Assert.Contains("- Be kind.\n", prompt);
        Assert.Contains("How do I reset my password?", prompt);
    }

    [Fact]
    public void Guidelines_judge_needs_guidelines()
    {
        Assert.Throws<ArgumentException>(() => new Guidelines(new ScriptedChatClient(), []));
        Assert.Throws<ArgumentException>(() => new Guidelines(new ScriptedChatClient(), ["ok", " "]));
    }
}
