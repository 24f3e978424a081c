namespace MemAlign.Tests;

public class JudgeDefinitionTests
{
    private static JudgeDefinitionException Invalid(string name, string rubric) =>
        Assert.Throws<JudgeDefinitionException>(() => JudgeDefinition.Create(name, rubric, FeedbackValueType.Boolean));

    [Fact]
    public void Valid_definition_lists_its_variables_in_order_of_first_use()
    {
        var definition = JudgeDefinition.Create(
            "helpfulness", "Query: {{ inputs }}\nReply: {{ outputs }}\nAgain: {{ inputs }}", FeedbackValueType.Boolean, "openai:/gpt-4.1-mini");

        Assert.Equal(["inputs", "outputs"], definition.Variables);
        Assert.Equal("openai:/gpt-4.1-mini", definition.Model);
        Assert.False(definition.IsSessionLevel);
    }

    [Theory]
    [InlineData("{{ inputs.question }} {{ outputs[0].content }}", new[] { "inputs", "outputs" })]
    [InlineData("{{ for m in conversation }}{{ m.role }}: {{ m.content }}{{ end }} vs {{ expectations }}", new[] { "conversation", "expectations" })]
    [InlineData("{{ x = outputs | string.upcase }}{{ x }} {{ inputs | string.size }}", new[] { "outputs", "inputs" })]
    [InlineData("{{ func shout(t); ret t | string.upcase; end }}{{ shout outputs }}", new[] { "outputs" })]
    [InlineData("{{ capture c }}{{ inputs }}{{ end }}{{ c }} {{ date.now | date.to_string '%Y' }}", new[] { "inputs" })]
    [InlineData("{{ with inputs }}{{ question }}{{ end }}", new[] { "inputs" })]
    [InlineData("{{ if expectations }}{{ expectations }}{{ else }}none{{ end }} {{ trace }}", new[] { "expectations", "trace" })]
    public void Scriban_keywords_members_locals_and_builtins_are_not_variables(string rubric, string[] expected)
    {
        var definition = JudgeDefinition.Create("judge", rubric, FeedbackValueType.Boolean);

        Assert.Equal(expected, definition.Variables);
    }

    [Fact]
    public void Unknown_variable_is_reported_with_position_and_closest_name()
    {
        var e = Invalid("helpfulness", "Query: {{ inputs }}\nReply: {{ output }}");

        var problem = Assert.Single(e.Problems);
        Assert.Equal("MAJ003", problem.RuleId);
        Assert.Equal(2, problem.Line);
        Assert.Equal(11, problem.Column);
        Assert.Contains("'output'", problem.Message);
        Assert.Contains("Did you mean 'outputs'?", problem.Message);
        Assert.Contains("Judge 'helpfulness'", e.Message);
    }

    [Fact]
    public void Variable_far_from_any_allowed_name_gets_no_suggestion()
    {
        var e = Invalid("judge", "{{ inputs }} {{ zzz_qqq_www }}");

        Assert.DoesNotContain("Did you mean", Assert.Single(e.Problems).Message);
    }

    [Theory]
    [InlineData("Hello {{ if inputs }} no end", 1)]
    [InlineData("line one\nline two {{ inputs + }}", 2)]
    [InlineData("ok {{ inputs }}\n\n  {{ end }}", 3)]
    public void Scriban_syntax_errors_are_reported_with_line_and_column(string rubric, int line)
    {
        var e = Invalid("judge", rubric);

        var problem = Assert.Single(e.Problems);
        Assert.Equal("MAJ004", problem.RuleId);
        Assert.Equal(line, problem.Line);
        Assert.NotNull(problem.Column);
        Assert.Contains($"line {line}", e.Message);
    }

    [Fact]
    public void Unclosed_code_block_is_a_syntax_error_pointing_at_the_opening_braces()
    {
        var e = Invalid("judge", "Reply: {{ outputs }}\nQuery: {{ inputs ");

        var problem = Assert.Single(e.Problems);
        Assert.Equal("MAJ004", problem.RuleId);
        Assert.Equal((2, 8), (problem.Line!.Value, problem.Column!.Value));
    }

    [Fact]
    public void Rubric_without_variables_is_rejected()
    {
        var e = Invalid("judge", "Is this response good?");

        Assert.Equal("MAJ005", Assert.Single(e.Problems).RuleId);
    }

    [Fact]
    public void Conversation_combines_only_with_expectations()
    {
        Assert.True(JudgeDefinition.Create("session", "{{ conversation }} {{ expectations }}", FeedbackValueType.Boolean).IsSessionLevel);

        var e = Invalid("session", "{{ conversation }}\n{{ outputs }}");

        var problem = Assert.Single(e.Problems);
        Assert.Equal("MAJ006", problem.RuleId);
        Assert.Contains("'outputs'", problem.Message);
        Assert.Equal(2, problem.Line);
    }

    [Theory]
    [InlineData("Helpfulness", "helpfulness")]
    [InlineData("ProductQuality", "product_quality")]
    [InlineData("product-quality", "product_quality")]
    [InlineData("double__underscore", "double_underscore")]
    [InlineData("_leading", "leading")]
    [InlineData("trailing_", "trailing")]
    public void Names_must_be_lower_snake_case_and_the_message_proposes_one(string name, string proposal)
    {
        var e = Invalid(name, "{{ inputs }}");

        var problem = Assert.Single(e.Problems);
        Assert.Equal("MAJ009", problem.RuleId);
        Assert.Contains($"'{proposal}'", problem.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var e = Invalid("BadName", "{{ input }} {{ outputz }}");

        Assert.Equal(["MAJ009", "MAJ003", "MAJ003"], e.Problems.Select(p => p.RuleId));
        Assert.Contains("3 problems", e.Message);
    }

    [Theory]
    [InlineData("{{ include 'other' }} {{ inputs }}", "'include'")]
    [InlineData("{{ outputs | object.eval_template }}", "'object.eval_template'")]
    [InlineData("{{ object.eval outputs }}", "'object.eval'")]
    [InlineData("{{ import inputs }}", "'import'")]
    public void File_access_and_evaluation_of_data_are_forbidden(string rubric, string what)
    {
        var e = Invalid("judge", rubric);

        Assert.Contains(e.Problems, p => p.RuleId == "MAJ004" && p.Message.Contains(what, StringComparison.Ordinal));
    }

    [Fact]
    public void Blank_model_is_rejected()
    {
        var e = Assert.Throws<JudgeDefinitionException>(() => JudgeDefinition.Create("judge", "{{ inputs }}", FeedbackValueType.Boolean, " "));

        Assert.Contains("model", e.Message);
    }

    [Fact]
    public void Renaming_checks_the_new_name()
    {
        var definition = JudgeDefinition.Create("judge", "{{ inputs }}", FeedbackValueType.Boolean);

        Assert.Equal("renamed", definition.WithName("renamed").Name);
        Assert.Throws<JudgeDefinitionException>(() => definition.WithName("Renamed"));
    }
}
