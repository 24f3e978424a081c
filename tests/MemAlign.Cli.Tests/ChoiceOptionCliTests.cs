namespace MemAlign.Cli.Tests;

/// <summary>Options that take one of a few names: System.CommandLine parses them, --help lists them with the default, and any other value is a usage error naming them.</summary>
public class ChoiceOptionCliTests
{
    [Theory]
    [InlineData(new[] { "import", "--help" }, "--on-conflict <error|skip|replace>", "[default: error]")]
    [InlineData(new[] { "align", "--help" }, "--label-rule <majority|adjudicator|unanimous>", "[default: majority]")]
    [InlineData(new[] { "experiment", "--help" }, "--ties <recent|drop>", "[default: recent]")]
    [InlineData(new[] { "label", "create", "--help" }, "--order <uncertain|random|disagreement>", "[default: uncertain]")]
    [InlineData(new[] { "label", "simulate", "--help" }, "--order <uncertain,random>", "[default: uncertain|random]")]
    public async Task Help_lists_the_values_and_the_default(string[] arguments, string values, string defaultValue)
    {
        var help = await new CliRunner().RunAsync(arguments);

        Assert.Equal(0, help.ExitCode);
        var line = Assert.Single(help.Output.Split('\n'), l => l.TrimStart().StartsWith(values, StringComparison.Ordinal));
        Assert.Contains(defaultValue, line);
    }

    [Theory]
    [InlineData(new[] { "import", "traces.jsonl", "--on-conflict", "overwrite" }, "--on-conflict 'overwrite' is not error, skip or replace.")]
    [InlineData(new[] { "align", "--judge", "helpfulness", "--label-rule", "vote" }, "--label-rule 'vote' is not majority, adjudicator or unanimous.")]
    [InlineData(new[] { "experiment", "--judge", "helpfulness", "--ties", "first" }, "--ties 'first' is not recent or drop.")]
    [InlineData(new[] { "label", "simulate", "--judge", "helpfulness", "--order", "random", "--order", "alphabetical" }, "--order 'alphabetical' is not uncertain or random.")]
    public async Task Another_value_is_a_usage_error_that_lists_the_values(string[] arguments, string message)
    {
        var result = await new CliRunner().RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: " + message, result.Errors);
    }

    [Fact]
    public async Task A_value_is_read_in_any_case_as_the_help_of_earlier_versions_showed_it()
    {
        var cli = new CliRunner();
        await cli.RunAsync("import", CliRunner.SampleTraces);

        var again = await cli.RunAsync("import", CliRunner.SampleTraces, "--on-conflict", "Skip", "--json");

        Assert.True(again.ExitCode == 0, again.Errors);
        Assert.Equal(10, (int)again.Json["updated"]!);
    }
}
