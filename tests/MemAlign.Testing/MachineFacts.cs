using Xunit;
using Xunit.Sdk;

namespace MemAlign.Testing;

/// <summary>A test that drives Debian's chromium; reported as skipped, with what to install, where it is missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = TestMachine.ChromiumSkipReason;
}

/// <summary>A theory that drives Debian's chromium; reported as skipped, with what to install, where it is missing.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute() => Skip = TestMachine.ChromiumSkipReason;
}

/// <summary>A test that needs the PostgreSQL server named by MEMALIGN_TEST_POSTGRES; reported as skipped, with the reason, without it.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute() => Skip = TestMachine.PostgreSqlSkipReason;
}

/// <summary>
/// The <see cref="Backends.PostgreSql"/> case of a theory over <see cref="Backends"/>: reported as skipped, with the
/// reason, where no PostgreSQL server is configured (the <see cref="Backends.Sqlite"/> case still runs).
/// </summary>
public sealed class PostgreSqlDataAttribute : DataAttribute
{
    public PostgreSqlDataAttribute() => Skip = TestMachine.PostgreSqlSkipReason;

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[Backends.PostgreSql]];
}

/// <summary>
/// A test that needs a real full or read-only file system, made with a mount namespace (util-linux's unshare,
/// as root, as in .ci/run). Elsewhere it reports itself skipped, with the reason.
/// </summary>
public sealed class MountNamespaceFactAttribute : FactAttribute
{
    public MountNamespaceFactAttribute() => Skip = TestMachine.MountNamespaceSkipReason;
}

/// <summary>A test that runs a command on a pseudo-terminal (util-linux's script); reported as skipped, with what to install, without it.</summary>
public sealed class TerminalFactAttribute : FactAttribute
{
    public TerminalFactAttribute() => Skip = TestMachine.TerminalSkipReason;
}
