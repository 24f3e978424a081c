namespace MemAlign.Labeling.Tests;

/// <summary>The stores the tests run on: SQLite always, and PostgreSQL where MEMALIGN_TEST_POSTGRES names a server (CI sets it).</summary>
public static class Backends
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";
    public const string PostgreSqlVariable = "MEMALIGN_TEST_POSTGRES";

    public static string? PostgreSqlConnection => Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Each available backend once: a theory over them never reports a skip, and covers PostgreSQL where it can.</summary>
    public static TheoryData<string> Available
    {
        get
        {
            var backends = new TheoryData<string> { Sqlite };
            if (PostgreSqlConnection is not null)
            {
                backends.Add(PostgreSql);
            }

            return backends;
        }
    }
}
