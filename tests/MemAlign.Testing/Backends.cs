namespace MemAlign.Testing;

/// <summary>
/// The stores a theory over backends runs on: <c>[InlineData(Backends.Sqlite)]</c> always runs,
/// <c>[PostgreSqlData]</c> where MEMALIGN_TEST_POSTGRES names a server and is reported as skipped elsewhere.
/// </summary>
public static class Backends
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";
}
