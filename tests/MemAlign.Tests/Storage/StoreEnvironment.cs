using System.Diagnostics;

namespace MemAlign.Tests.Storage;

/// <summary>Where the PostgreSQL half of the store tests gets its server, and how tests run the worker process.</summary>
internal static class StoreEnvironment
{
    public const string PostgreSqlVariable = "MEMALIGN_TEST_POSTGRES";

    public static string? PostgreSqlConnection => Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } value ? value : null;

    public static string TempDatabase() => Path.Combine(Path.GetTempPath(), "memalign-tests", Guid.NewGuid().ToString("N"), "memalign.db");

    /// <summary>Starts the store worker (tests/MemAlign.StoreWorker) as a child process.</summary>
    public static Process StartWorker(params string[] arguments)
    {
        var here = Path.GetDirectoryName(typeof(StoreEnvironment).Assembly.Location)!;
        var worker = Path.GetFullPath(here.Replace($"{Path.DirectorySeparatorChar}MemAlign.Tests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}MemAlign.StoreWorker{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var dll = Path.Combine(worker, "MemAlign.StoreWorker.dll");
        Assert.True(File.Exists(dll), $"The store worker is not built at {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}

/// <summary>A test that needs the PostgreSQL server named by MEMALIGN_TEST_POSTGRES; reported as skipped, with the reason, without it.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (StoreEnvironment.PostgreSqlConnection is null)
        {
            Skip = $"PostgreSQL tests need {StoreEnvironment.PostgreSqlVariable} (a connection string); .ci/run installs and starts a server and sets it.";
        }
    }
}
