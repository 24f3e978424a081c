namespace MemAlign.Cli.Tests;

/// <summary>
/// A SQLite store the tool prepared once for a test class: the sample's traces imported, its judge registered and
/// aligned (version 2), an evaluation run, a 2-fold experiment run and a labeling session 'week-1'. Each test works
/// on a copy of its own (<see cref="Copy"/>), so tests that change the store do not meet.
/// </summary>
public sealed class PreparedStore : IAsyncLifetime
{
    private readonly CliRunner _cli = new();

    /// <summary>The evaluation run's id.</summary>
    public string EvaluationRun { get; private set; } = "";

    /// <summary>The experiment run's id.</summary>
    public string ExperimentRun { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await RunAsync("import", CliRunner.SampleTraces);
        await RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);
        await RunAsync("align", "--judge", "helpfulness", "--traces", "tag.split=align");
        EvaluationRun = (string)(await RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test", "--json")).Json["run"]!;
        ExperimentRun = (string)(await RunAsync("experiment", "--judge", "helpfulness", "--folds", "2", "--json")).Json["run"]!;
        await RunAsync("label", "create", "--name", "week-1", "--judge", "helpfulness", "--reviewers", "ann,bob");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A runner on a copy of the store.</summary>
    internal CliRunner Copy()
    {
        var copy = new CliRunner();
        // Every run closed the store, so its write-ahead log is merged into the file; any left is copied with it.
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(_cli.Store + suffix))
            {
                File.Copy(_cli.Store + suffix, copy.Store + suffix);
            }
        }

        return copy;
    }

    private async Task<CliResult> RunAsync(params string[] arguments)
    {
        var result = await _cli.RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"memalign {string.Join(' ', arguments)}: {result.Errors}");
        return result;
    }
}
