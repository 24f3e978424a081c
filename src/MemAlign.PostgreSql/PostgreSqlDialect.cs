using System.Data.Common;
using MemAlign.Storage;
using MemAlign.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace MemAlign.PostgreSql;

/// <summary>
/// PostgreSQL: pooled connections from one data source, read-committed write transactions with an
/// advisory lock per judge name for version numbers, and VACUUM FULL so forgotten rows leave the table files.
/// </summary>
internal sealed class PostgreSqlDialect : SqlDialect, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private readonly bool _ownsDataSource;

    private readonly TimeProvider _clock;

    public PostgreSqlDialect(NpgsqlDataSource dataSource, bool ownsDataSource, TimeProvider clock)
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Description = $"PostgreSQL database '{settings.Database}' on {settings.Host}:{settings.Port}";
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _clock = clock;
    }

    public override string Description { get; }

    public override string BinaryType => "BYTEA";

    public override string ErasureGuarantee =>
        "PostgreSQL: the rows were deleted and, once no open transaction could still see them (waiting up to a minute), every MemAlign table and index was rewritten (VACUUM FULL), so the forgotten text is no longer in the table files. "
        + "It is NOT erased from the write-ahead log (pg_wal), which the server recycles on its own schedule, nor from WAL archives, base backups or replicas: "
        + "MemAlign cannot reach those. Expire them by your retention policy (CHECKPOINT, pg_switch_wal, backup rotation) for the data to be gone everywhere.";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override Task LockJudgeNameAsync(DbConnection connection, DbTransaction transaction, string experiment, string name, CancellationToken cancellationToken) =>
        AdvisoryLockAsync(connection, transaction, "pg_advisory_xact_lock", "memalign-judge:" + experiment + "\n" + name, cancellationToken);

    public override Task LockTraceAsync(DbConnection connection, DbTransaction transaction, string experiment, string traceId, CancellationToken cancellationToken) =>
        AdvisoryLockAsync(connection, transaction, "pg_advisory_xact_lock", "memalign-trace:" + experiment + "\n" + traceId, cancellationToken);

    // Read committed: each statement after the lock sees what the other side committed before releasing it.
    public override Task LockForgettingAsync(DbConnection connection, DbTransaction transaction, string experiment, bool exclusive, CancellationToken cancellationToken) =>
        AdvisoryLockAsync(connection, transaction, exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared", "memalign-forget:" + experiment, cancellationToken);

    // A lock on the key's hash, held until the transaction ends (a hash collision only makes two writers wait for each other).
    private static async Task AdvisoryLockAsync(DbConnection connection, DbTransaction transaction, string function, string lockKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {function}(hashtextextended(@k, 0))";
        var key = command.CreateParameter();
        key.ParameterName = "@k";
        key.Value = lockKey;
        command.Parameters.Add(key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool CopiesInBulk => true;

    // One text[] parameter, read back as rows: a lookup of a thousand ids parses, binds and sends one value, not a thousand parameters.
    public override (string Sql, IReadOnlyList<(string Name, object? Value)> Parameters) TextSet(string parameter, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(values);
        return ($"SELECT unnest({parameter}::text[])", [(parameter, values.ToArray())]);
    }

    private const int RowsPerCancellationCheck = 512;

    // Binary COPY: one round trip streams every row, with each value sent as its column's type (no text parsing on the server).
    // COPY cannot resolve conflicts: an upsert goes through the shared multi-row statements.
    public override async Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<SqlColumn> columns, IEnumerable<object?[]> rows,
        string? onConflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (onConflict is not null)
        {
            await base.InsertRowsAsync(connection, transaction, table, columns, rows, onConflict, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        // Values are written synchronously: they go into Npgsql's buffer, and only a full buffer is sent (to a server that is reading
        // the copy as it comes). An awaited write per value cost more than the copy itself on a large import.
        var written = 0;
        foreach (var row in rows)
        {
            if (++written % RowsPerCancellationCheck == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            importer.StartRow();
            foreach (var value in row)
            {
                // Written with its own type, so Npgsql picks the converter without a lookup by name per value.
                switch (value)
                {
                    case null: importer.WriteNull(); break;
                    case string text: importer.Write(text, NpgsqlDbType.Text); break;
                    case System.Text.Json.JsonElement json: importer.Write(json.GetRawText(), NpgsqlDbType.Text); break;
                    case long number: importer.Write(number, NpgsqlDbType.Bigint); break;
                    case int number: importer.Write(number, NpgsqlDbType.Integer); break;
                    case byte[] bytes: importer.Write(bytes, NpgsqlDbType.Bytea); break;
                    case double number: importer.Write(number, NpgsqlDbType.Double); break;
                    default: throw new ArgumentException($"A value of type {value.GetType().Name} cannot be copied into {table}.", nameof(rows));
                }
            }
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    // Sampled again for the columns every lookup by id filters on: with statistics from when an experiment held a few rows, the
    // planner reads "experiment = X AND trace_id IN (...)" through an index on the experiment alone and scans all of its rows per
    // lookup (measured: 112 ms instead of 4 ms per 400 ids at 50,000 traces), which made a large import quadratic.
    public override async Task RefreshStatisticsAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tables);
        await using var analyze = connection.CreateCommand();
        // A sample of 3,000 rows (statistics target 10, for this session only) is plenty to see how large an experiment has grown, and
        // takes a tenth of the default's time on a large table: three refreshes of three tables cost 0.8 s of a 50,000-trace import at 100.
        analyze.CommandText = "SET default_statistics_target = 10; " + string.Join("; ", tables.Select(t => $"ANALYZE {t} (experiment, trace_id)")) + "; RESET default_statistics_target";
        await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task EraseFreedSpaceAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        // VACUUM FULL writes new table and index files and drops the old ones, with the deleted rows in them;
        // but it copies rows another session's snapshot may still see. So first wait (up to a minute) until every
        // snapshot taken before the delete committed is gone.
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var wait = connection.CreateCommand())
        {
            wait.CommandText = """
                SELECT count(*) FROM pg_stat_activity
                WHERE pid <> pg_backend_pid() AND datname = current_database() AND backend_xmin IS NOT NULL
                  AND age(backend_xmin) >= age(((txid_current() % 4294967296)::text)::xid)
                """;
            for (var attempt = 0; attempt < 300 && Convert.ToInt64(await wait.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0; attempt++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), _clock, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"VACUUM FULL {table}";
            // It rewrites the whole table and first waits for writers to finish with it: longer than a query's 30 s on a large store.
            command.CommandTimeout = (int)TimeSpan.FromMinutes(10).TotalSeconds;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override StoreException Translate(Exception exception, string action) => exception switch
    {
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException } or System.Net.Sockets.SocketException => new StoreException(
            $"The MemAlign store {Description} cannot be reached ({exception.Message}). Check that the server is running and the connection names the right host and port.", exception),
        PostgresException { SqlState: "28P01" or "28000" } => new StoreException(
            $"The MemAlign store {Description} refused the credentials ({exception.Message}). Check the user name and password.", exception),
        PostgresException { SqlState: "3D000" } => new StoreException(
            $"The MemAlign store {Description} does not exist on that server ({exception.Message}). Create the database first.", exception),
        PostgresException { SqlState: "53100" } => new StoreException(
            $"The disk of the MemAlign store {Description} is full ({exception.Message}); the operation was rolled back. Free space on the server, then run it again.", exception),
        _ => base.Translate(exception, action),
    };

    public ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;
}
