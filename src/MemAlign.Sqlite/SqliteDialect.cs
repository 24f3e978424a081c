using System.Data.Common;
using MemAlign.Storage;
using MemAlign.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace MemAlign.Sqlite;

/// <summary>
/// SQLite: WAL journaling with a busy timeout (so concurrent processes queue), immediate write
/// transactions, and secure_delete plus checkpoint and VACUUM so forgotten data leaves the file.
/// </summary>
internal sealed class SqliteDialect(string path, bool readOnly = false) : SqlDialect
{
    private readonly string _connectionString = ConnectionString(path, readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate);

    // Read-only in a folder this process cannot write: SQLite cannot create the WAL index beside the file,
    // so the file is opened as immutable (nothing else can be writing it with our rights either).
    private readonly string _immutableConnectionString = ConnectionString(new Uri(path).AbsoluteUri + "?immutable=1", SqliteOpenMode.ReadOnly);

    private bool _immutable;

    private SqliteCheckpointer? _checkpointer;

    public string Path { get; } = path;

    private SqliteCheckpointer Checkpointer => LazyInitializer.EnsureInitialized(ref _checkpointer, () => new SqliteCheckpointer(OpenAsync));

    public override string Description => $"SQLite file '{Path}'";

    public override string BinaryType => "BLOB";

    public override string ErasureGuarantee =>
        "SQLite: the rows were deleted with secure_delete on (their pages overwritten with zeros), the write-ahead log was checkpointed and truncated, and VACUUM rebuilt the file: "
        + "the forgotten text is no longer in the store's files. Copies outside the store (backups, file-system snapshots, other copies of the file) are not touched.";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (readOnly && !_immutable)
        {
            try
            {
                return await OpenAsync(_connectionString, probe: true, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 14 or 8)
            {
                _immutable = true;
            }
        }

        return await OpenAsync(_immutable ? _immutableConnectionString : _connectionString, probe: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DbConnection> OpenAsync(string connectionString, bool probe, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            // secure_delete overwrites deleted content with zeros; the busy timeout makes a second process wait for the lock instead of failing.
            // A checkpoint every 10,000 WAL pages (about 40 MB) rather than SQLite's 1,000: a bulk import copies and syncs its index pages
            // back once per few batches instead of every batch (measured: about a third of the engine's time writing 50,000 traces).
            // Bulk writes are checkpointed sooner than that, beside the writer (SqliteCheckpointer): this one is the bound.
            // A read-only open reads the schema once, so a WAL index it cannot create shows up here rather than mid-command.
            pragmas.CommandText = readOnly
                ? "PRAGMA busy_timeout = 30000;"
                : "PRAGMA busy_timeout = 30000; PRAGMA secure_delete = ON; PRAGMA synchronous = NORMAL; PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 10000; PRAGMA cache_size = -65536;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (probe)
            {
                pragmas.CommandText = "SELECT count(*) FROM sqlite_master";
                await pragmas.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string ConnectionString(string dataSource, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = dataSource,
        Mode = mode,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // BEGIN IMMEDIATE: take the write lock now, so two writers never both read "next version = 3".
        await ((SqliteConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false) is var tx
            ? tx
            : throw new InvalidOperationException("No transaction.");

    public override Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<SqlColumn> columns, IEnumerable<object?[]> rows,
        string? onConflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        // SQLite's calls do not wait on anything: the work runs here, inside the caller's transaction on this connection.
        SqliteRowInserter.Insert((SqliteConnection)connection, table, columns, rows, onConflict, cancellationToken);
        return Task.CompletedTask;
    }

    // One JSON array, bound once and read back as rows by json_each: a lookup of a thousand ids binds one value, where a list of
    // named parameters cost a name lookup in the statement per value (ten times slower on an import's lookups by id).
    public override (string Sql, IReadOnlyList<(string Name, object? Value)> Parameters) TextSet(string parameter, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(values);
        return ($"SELECT value FROM json_each({parameter})", [(parameter, System.Text.Json.JsonSerializer.Serialize(values, IdListJson))]);
    }

    // Ids go into the array as they are (a SQL parameter, not HTML): no escaping of non-ASCII text for json_each to undo.
    private static readonly System.Text.Json.JsonSerializerOptions IdListJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override Task LockJudgeNameAsync(DbConnection connection, DbTransaction transaction, string experiment, string name, CancellationToken cancellationToken) =>
        Task.CompletedTask; // the immediate transaction already excludes other writers

    public override void BulkBatchCommitted()
    {
        if (!readOnly)
        {
            Checkpointer.Start();
        }
    }

    /// <summary>Completes when no background checkpoint is running.</summary>
    public Task WhenIdleAsync() => _checkpointer?.WhenIdleAsync() ?? Task.CompletedTask;

    public override async Task EraseFreedSpaceAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        // A checkpoint still running would hold the log, and the truncating one below must empty it.
        await WhenIdleAsync().ConfigureAwait(false);
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
        SqliteException { SqliteErrorCode: 1 } e when e.Message.Contains("no such table: memalign_schema", StringComparison.Ordinal) => new StoreException(
            $"'{Path}' is a SQLite database but not a MemAlign store (it has no MemAlign tables). Use another file, or create the store with SqliteMemAlignStore.OpenAsync(path).", exception),
        SqliteException { SqliteErrorCode: 13 } => new StoreException(
            $"The disk holding the MemAlign store '{Path}' is full (SQLite: {exception.Message}); the operation was rolled back. Free space, then run it again.", exception),
        SqliteException { SqliteErrorCode: 8 } when readOnly => new StoreException(
            $"The MemAlign store '{Path}' is open read-only for this command, which cannot write to it.", exception),
        SqliteException { SqliteErrorCode: 14 or 8 or 23 } => new StoreException(
            $"The MemAlign store '{Path}' cannot be opened for writing (SQLite: {exception.Message}). Check that the file and its folder are writable; commands that only read (judges list, report) work on a read-only store.", exception),
        _ => base.Translate(exception, action),
    };
}
