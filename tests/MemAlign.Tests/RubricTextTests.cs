using MemAlign.Rubrics;

namespace MemAlign.Tests;

public class RubricTextTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("- starts with a dash\n")]
    [InlineData("ends with a dash -")]
    [InlineData("~tilde~")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("{{ inputs }} and {% raw %} and }%} and }%%} and {%{ x }%}")]
    [InlineData("  spaced  \n\n")]
    public void Literals_render_verbatim(string text)
    {
        var definition = JudgeDefinition.Create("judge", RubricText.Literal(text) + "|{{ inputs }}", FeedbackValueType.Boolean);

        Assert.Equal(text + "|\"q\"", definition.Render(Trace.Create("t", "q", null)));
        Assert.Equal(["inputs"], definition.Variables);
    }
}
