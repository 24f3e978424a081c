namespace MemAlign.Cli.Tests;

/// <summary>The tool calls itself memalign, the command users type, never its assembly's name.</summary>
public sealed class ToolNameCliTests
{
    [Fact]
    public async Task Help_usage_and_usage_errors_say_memalign_not_the_assembly_name()
    {
        var cli = new CliRunner();

        var help = await cli.RunAsync("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:\n  memalign [command] [options]", help.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var evaluateHelp = await cli.RunAsync("evaluate", "--help");
        Assert.Contains("memalign evaluate [options]", evaluateHelp.Output, StringComparison.Ordinal);

        var labelHelp = await cli.RunAsync("label", "serve", "--help");
        Assert.Contains("memalign label serve [options]", labelHelp.Output, StringComparison.Ordinal);

        var mistake = await cli.RunAsync("evaluat");
        Assert.Equal(2, mistake.ExitCode);
        Assert.Contains("Run 'memalign --help'", mistake.Errors, StringComparison.Ordinal);

        foreach (var output in new[] { help.Output, evaluateHelp.Output, labelHelp.Output, mistake.Output, mistake.Errors })
        {
            Assert.DoesNotContain("MemAlign.Cli", output, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Version_prints_the_tools_version()
    {
        var version = await new CliRunner().RunAsync("--version");

        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());
    }
}
