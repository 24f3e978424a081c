using System.Data.Common;
using MemAlign.Storage;
using MemAlign.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace MemAlign.Sqlite;

/// <summary>
/// SQLite: WAL journaling with a busy timeout (so concurrent processes queue), immediate write
/// transactions, and secure_delete plus checkpoint and VACUUM so forgotten data leaves the file.
/// </summary>
internal sealed class SqliteDialect(string path) : SqlDialect
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public string Path { get; } = path;

    public override string Description => $"SQLite file '{Path}'";

    public override string BinaryType => "BLOB";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            // secure_delete overwrites deleted content with zeros; the busy timeout makes a second process wait for the lock instead of failing.
            pragmas.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA secure_delete = ON; PRAGMA synchronous = NORMAL; PRAGMA journal_mode = WAL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // BEGIN IMMEDIATE: take the write lock now, so two writers never both read "next version = 3".
        await ((SqliteConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false) is var tx
            ? tx
            : throw new InvalidOperationException("No transaction.");

    public override Task LockJudgeNameAsync(DbConnection connection, DbTransaction transaction, string experiment, string name, CancellationToken cancellationToken) =>
        Task.CompletedTask; // the immediate transaction already excludes other writers

    public override async Task EraseFreedSpaceAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        // Pooled connections could pin old WAL frames; release them so the checkpoint can empty the WAL.
        SqliteConnection.ClearAllPools();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override StoreException Translate(Exception exception, string action) => exception switch
    {
        SqliteException { SqliteErrorCode: 26 or 11 } => new StoreException(
            $"'{Path}' is not a usable MemAlign store: it is not a SQLite database, or it is corrupt ({exception.Message}). Use another file, or move this one away.", exception),
        SqliteException { SqliteErrorCode: 14 or 8 or 23 } => new StoreException(
            $"The MemAlign store '{Path}' cannot be opened for writing (SQLite: {exception.Message}). Check that the folder exists and is writable.", exception),
        _ => base.Translate(exception, action),
    };
}
