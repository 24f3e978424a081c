using System.Diagnostics;

namespace MemAlign.Build.Tests;

/// <summary>
/// The MemAlign package packed from this build, once per test run, into a folder feed under a version no
/// earlier run used (so a package NuGet cached before is never picked up instead).
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    // bin/<Configuration>/net10.0/: the package is packed from the same configuration the tests were built in.
    private static readonly string Configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!)!;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "memalign-build-tests", Guid.NewGuid().ToString("N"));

    public string Version { get; } = $"0.1.0-corpus.{DateTime.UtcNow:yyyyMMddHHmmss}{Random.Shared.Next(1000):000}";

    public string Feed => Path.Combine(Root, "feed");

    public static string Repository { get; } = FindRepository();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var pack = await DotNet.RunAsync(Repository, "pack", Path.Combine(Repository, "src", "MemAlign", "MemAlign.csproj"), "--no-build", "-c", Configuration,
            "-o", Feed, $"-p:Version={Version}", "-nologo");
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        await File.WriteAllTextAsync(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="memalign-under-test" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned up eventually.
        }

        return Task.CompletedTask;
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

/// <summary>Runs the dotnet CLI as a user would, outside this test run's MSBuild environment.</summary>
internal static class DotNet
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under 'dotnet test', whose MSBuild settings must not leak into a user's build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        return (process.ExitCode, await output + await errors);
    }
}
