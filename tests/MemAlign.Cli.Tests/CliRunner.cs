using System.Diagnostics;
using System.Text.Json.Nodes;
using MemAlign.Testing;

namespace MemAlign.Cli.Tests;

/// <summary>
/// Runs the built memalign executable in its own temporary folder and store, with no model configured: a
/// SQLite file in that folder, or (<see cref="Backends.PostgreSql"/>) an experiment of its own in the test database.
/// </summary>
internal sealed class CliRunner
{
    // bin/<Configuration>/net10.0/: the CLI and the sample are built in the same configuration as the tests.
    private static readonly string Configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!)!;

    private readonly string? _experiment;

    /// <param name="backend">Where a new store is made.</param>
    /// <param name="store">A store to run on as it is, in its default experiment, instead of a new one.</param>
    public CliRunner(string backend = Backends.Sqlite, string? store = null)
    {
        Directory.CreateDirectory(Folder);
        if (store is not null)
        {
            StoreSetting = store;
        }
        else if (backend == Backends.PostgreSql)
        {
            StoreSetting = TestMachine.PostgreSqlConnection ?? throw new InvalidOperationException(TestMachine.PostgreSqlSkipReason);
            _experiment = "cli-" + Guid.NewGuid().ToString("N");
        }
        else
        {
            StoreSetting = Store;
        }
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "memalign-cli-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The SQLite store file (SQLite runs only).</summary>
    public string Store => Path.Combine(Folder, "store.db");

    /// <summary>What MEMALIGN_STORE is set to.</summary>
    public string StoreSetting { get; }

    /// <summary>Variables set for every run after the model settings are cleared (e.g. OPENAI_BASE_URL of a loopback server).</summary>
    public Dictionary<string, string> ExtraEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>Variables removed for every run (e.g. MEMALIGN_STORE, to see what a settings file gives).</summary>
    public HashSet<string> RemovedEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>The experiment the runs work in.</summary>
    public string Experiment => _experiment ?? MemAlign.Storage.IMemAlignStore.DefaultExperiment;

    /// <summary>Opens the store the runs use, to check what they left.</summary>
    public Task<MemAlign.Storage.IMemAlignStore> OpenStoreAsync() => MemAlign.Testing.TestStores.OpenAsync(StoreSetting);

    /// <summary>Writes <paramref name="lines"/> as a file in the folder, joined by <paramref name="newline"/>, and returns its path.</summary>
    public string WriteFile(string name, IEnumerable<string> lines, string newline = "\n")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, string.Join(newline, lines) + newline);
        return path;
    }

    public static string Repository { get; } = FindRepository();

    public static string SampleAssembly => Path.Combine(Repository, "samples", "Helpfulness", "bin", Configuration, "net10.0", "Helpfulness.dll");

    public static string SampleTraces => Path.Combine(Repository, "samples", "Helpfulness", "data", "helpfulness.jsonl");

    /// <summary>The built tool.</summary>
    public static string Cli => Path.Combine(Repository, "src", "MemAlign.Cli", "bin", Configuration, "net10.0", "MemAlign.Cli.dll");

    public Task<CliResult> RunAsync(params string[] arguments) => RunAsync("dotnet", [Cli, .. arguments, .. ExperimentArguments], terminal: false);

    /// <summary>
    /// Runs the CLI in a mount namespace of its own, after <paramref name="mounts"/> (shell commands such as
    /// <c>mount -t tmpfs -o size=1m tmpfs DIR</c>): real full and read-only file systems, as root, undone when it exits.
    /// </summary>
    public Task<CliResult> RunMountedAsync(string[] mounts, params string[] arguments) =>
        RunAsync("unshare", ["--mount", "--propagation", "private", "sh", "-c",
            string.Join(" && ", mounts.Append("exec \"$0\" \"$@\"")), "dotnet", Cli, .. arguments, .. ExperimentArguments], terminal: false);

    private string[] ExperimentArguments => _experiment is null ? [] : ["--experiment", _experiment];

    /// <summary>
    /// Runs the CLI on a pseudo-terminal, as a user at a shell does, through util-linux's <c>script</c>
    /// (always on Debian); what the terminal showed comes back as the output.
    /// </summary>
    public Task<CliResult> RunInTerminalAsync(params string[] arguments) =>
        RunAsync("script", ["--quiet", "--return", "--command", string.Join(' ', new[] { "dotnet", Cli }.Concat(arguments).Concat(ExperimentArguments).Select(a => $"'{a}'")), "/dev/null"], terminal: true);

    /// <summary>Starts the CLI and returns at once, for a command that runs until stopped (label serve); the caller reads its output and stops it.</summary>
    public Process Start(params string[] arguments) => Process.Start(StartInfo("dotnet", [Cli, .. arguments, .. ExperimentArguments], terminal: false))!;

    private async Task<CliResult> RunAsync(string program, IEnumerable<string> arguments, bool terminal)
    {
        using var process = Process.Start(StartInfo(program, arguments, terminal))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return new CliResult(process.ExitCode, await output, await errors);
    }

    private ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, bool terminal)
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

        start.Environment["MEMALIGN_STORE"] = StoreSetting;
        start.Environment.Remove("OPENAI_API_KEY");
        start.Environment.Remove("OPENAI_BASE_URL");
        foreach (var (name, value) in ExtraEnvironment)
        {
            start.Environment[name] = value;
        }

        foreach (var name in RemovedEnvironment)
        {
            start.Environment.Remove(name);
        }

        return start;
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
