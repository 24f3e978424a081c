using Npgsql;

namespace MemAlign.Testing;

/// <summary>
/// A copy of a store written by an earlier schema version (tests/MemAlign.Tests/Data/schema3, schema4 or schema5, each made by the
/// make-fixture.sh there), for a test to open, and so upgrade, with this version: a SQLite file in a folder of its own, or the PostgreSQL dump
/// replayed into a new database on the test server. Disposing it deletes the copy.
/// </summary>
public sealed class FixtureStore : IAsyncDisposable
{
    private readonly Func<ValueTask> _delete;

    private FixtureStore(string setting, Func<ValueTask> delete)
    {
        Setting = setting;
        _delete = delete;
    }

    /// <summary>What MEMALIGN_STORE would be set to: the SQLite file, or the new database's connection string.</summary>
    public string Setting { get; }

    /// <summary>The fixtures' folder in the repository (Data, with a folder per schema version).</summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>A copy of the SQLite fixture of schema version <paramref name="schema"/>.</summary>
    public static FixtureStore Sqlite(int schema = 3)
    {
        var folder = Path.Combine(Path.GetTempPath(), "memalign-schema" + schema, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "store.db");
        File.Copy(Path.Combine(Folder, "schema" + schema, "store.db"), path);
        return new FixtureStore(path, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>The PostgreSQL fixture of schema version <paramref name="schema"/> replayed into a new database on the server <paramref name="serverConnection"/> names (its user must be able to create databases).</summary>
    public static async Task<FixtureStore> PostgreSqlAsync(string serverConnection, int schema = 3)
    {
        var database = $"memalign_schema{schema}_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(serverConnection, $"CREATE DATABASE {database}");
        var fixture = new NpgsqlConnectionStringBuilder(serverConnection) { Database = database };
        // No pooling: the dump sets the session's search path, which must not outlive the replay.
        await ExecuteAsync(new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Pooling = false }.ConnectionString,
            await File.ReadAllTextAsync(Path.Combine(Folder, "schema" + schema, "postgresql.sql")));
        return new FixtureStore(fixture.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(serverConnection, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        });
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _delete();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string FindFolder()
    {
        for (var folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "MemAlign.Generators.sln")))
            {
                return Path.Combine(folder, "tests", "MemAlign.Tests", "Data");
            }
        }

        throw new InvalidOperationException("The repository root was not found above the test assembly.");
    }
}
