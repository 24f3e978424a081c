namespace MemAlign.Testing;

/// <summary>
/// What some tests need from the machine beyond the .NET SDK, and the one line such a test reports when it is
/// skipped for want of it (the attributes in MachineFacts.cs). .ci/run provides all of it and fails on any skip.
/// </summary>
public static class TestMachine
{
    /// <summary>The variable naming the test PostgreSQL database (a connection string); .ci/run sets it.</summary>
    public const string PostgreSqlVariable = "MEMALIGN_TEST_POSTGRES";

    /// <summary>Where to look for chromium instead of /usr/bin/chromium: only to prove that browser tests skip without it.</summary>
    public const string ChromiumVariable = "MEMALIGN_TEST_CHROMIUM";

    /// <summary>The test PostgreSQL database, or <see langword="null"/> where none is configured.</summary>
    public static string? PostgreSqlConnection => Variable(PostgreSqlVariable);

    /// <summary>Debian's chromium, which the browser tests drive.</summary>
    public static string ChromiumPath => Variable(ChromiumVariable) ?? "/usr/bin/chromium";

    /// <summary>Why PostgreSQL tests cannot run here, or <see langword="null"/> when they can.</summary>
    public static string? PostgreSqlSkipReason => PostgreSqlConnection is null
        ? $"PostgreSQL tests need {PostgreSqlVariable} (a connection string); .ci/run installs and starts a server and sets it."
        : null;

    /// <summary>Why browser tests cannot run here, or <see langword="null"/> when they can.</summary>
    public static string? ChromiumSkipReason => File.Exists(ChromiumPath)
        ? null
        : $"needs Debian's chromium at {ChromiumPath}: apt-get install chromium (.ci/run does)";

    /// <summary>Why tests that mount a full or read-only file system cannot run here, or <see langword="null"/> when they can.</summary>
    public static string? MountNamespaceSkipReason => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess && File.Exists("/usr/bin/unshare")
        ? null
        : "Needs Linux, root and /usr/bin/unshare to mount a full or read-only file system for the command under test; .ci/run has them.";

    /// <summary>Why tests that run a command on a pseudo-terminal cannot run here, or <see langword="null"/> when they can.</summary>
    public static string? TerminalSkipReason => OperatingSystem.IsLinux() && File.Exists("/usr/bin/script")
        ? null
        : "needs util-linux's script at /usr/bin/script to give the command a terminal: apt-get install bsdutils (.ci/run has it)";

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
