using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MemAlign.Cli.Tests;

/// <summary>Runs the built memalign executable in its own temporary folder and store, with no model configured.</summary>
internal sealed class CliRunner
{
    // bin/<Configuration>/net10.0/: the CLI and the sample are built in the same configuration as the tests.
    private static readonly string Configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!)!;

    public CliRunner()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "memalign-cli-tests", Guid.NewGuid().ToString("N"));

    public string Store => Path.Combine(Folder, "store.db");

    public static string Repository { get; } = FindRepository();

    public static string SampleAssembly => Path.Combine(Repository, "samples", "Helpfulness", "bin", Configuration, "net10.0", "Helpfulness.dll");

    public static string SampleTraces => Path.Combine(Repository, "samples", "Helpfulness", "data", "helpfulness.jsonl");

    private static string Cli => Path.Combine(Repository, "src", "MemAlign.Cli", "bin", Configuration, "net10.0", "MemAlign.Cli.dll");

    public Task<CliResult> RunAsync(params string[] arguments) => RunAsync("dotnet", [Cli, .. arguments], terminal: false);

    /// <summary>
    /// Runs the CLI on a pseudo-terminal, as a user at a shell does, through util-linux's <c>script</c>
    /// (always on Debian); what the terminal showed comes back as the output.
    /// </summary>
    public Task<CliResult> RunInTerminalAsync(params string[] arguments) =>
        RunAsync("script", ["--quiet", "--return", "--command", string.Join(' ', new[] { "dotnet", Cli }.Concat(arguments).Select(a => $"'{a}'")), "/dev/null"], terminal: true);

    private async Task<CliResult> RunAsync(string program, IEnumerable<string> arguments, bool terminal)
    {
        Assert.True(File.Exists(Cli), $"The CLI is not built at {Cli}");
        var start = new ProcessStartInfo(program) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (terminal)
        {
            start.Environment["TERM"] = "xterm-256color";
        }

        start.Environment["MEMALIGN_STORE"] = Store;
        start.Environment.Remove("OPENAI_API_KEY");
        start.Environment.Remove("OPENAI_BASE_URL");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return new CliResult(process.ExitCode, await output, await errors);
    }

    private static string FindRepository()
    {
        for (var folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "MemAlign.Generators.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException("The repository root was not found above the test assembly.");
    }
}

/// <summary>What a run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public JsonNode Json => JsonNode.Parse(Output) ?? throw new InvalidOperationException("No JSON output: " + Output + Errors);
}
