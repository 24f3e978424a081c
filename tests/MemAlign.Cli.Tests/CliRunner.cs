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

    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var cli = Path.Combine(Repository, "src", "MemAlign.Cli", "bin", Configuration, "net10.0", "MemAlign.Cli.dll");
        Assert.True(File.Exists(cli), $"The CLI is not built at {cli}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
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
