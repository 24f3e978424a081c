using System.Diagnostics;

namespace MemAlign.Tests.Storage;

/// <summary>Where store tests keep their SQLite files, and how they run the worker process.</summary>
internal static class StoreEnvironment
{
    public static string TempDatabase() => Path.Combine(Path.GetTempPath(), "memalign-tests", Guid.NewGuid().ToString("N"), "memalign.db");

    /// <summary>Starts the store worker (tests/MemAlign.StoreWorker) as a child process.</summary>
    public static Process StartWorker(params string[] arguments)
    {
        var here = Path.GetDirectoryName(typeof(StoreEnvironment).Assembly.Location)!;
        var worker = Path.GetFullPath(here.Replace($"{Path.DirectorySeparatorChar}MemAlign.Tests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}MemAlign.StoreWorker{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var dll = Path.Combine(worker, "MemAlign.StoreWorker.dll");
        Assert.True(File.Exists(dll), $"The store worker is not built at {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}
