using System.Data.Common;

namespace MemAlign.Storage.Sql;

/// <summary>
/// What differs between SQL backends: connections, the binary column type, write locking, physically
/// erasing freed space, and turning provider errors into clear messages. A backend (MemAlign.Sqlite,
/// MemAlign.PostgreSql) supplies one and derives from <see cref="SqlMemAlignStore"/>; everything else is shared.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The store, for messages (never a password).</summary>
    public abstract string Description { get; }

    /// <summary>The column type for vectors.</summary>
    public abstract string BinaryType { get; }

    /// <summary>An open connection, configured (pragmas, timeouts).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that takes the write lock at once (so concurrent writers queue instead of failing).</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serializes writers of one judge name within <paramref name="transaction"/> (no-op where the transaction already does).</summary>
    public abstract Task LockJudgeNameAsync(DbConnection connection, DbTransaction transaction, string experiment, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Orders forgetting in <paramref name="experiment"/> against writers that could carry a trace's content (judge versions, verdicts):
    /// forgetting takes it <paramref name="exclusive"/>ly, those writers shared, each within its <paramref name="transaction"/>, so a writer
    /// either commits before a forget (which then erases what it wrote) or reads the forget's marks after it. A no-op where every write
    /// transaction already excludes the others.
    /// </summary>
    /// <param name="connection">The transaction's connection.</param>
    /// <param name="transaction">The write transaction the lock lasts for.</param>
    /// <param name="experiment">The experiment.</param>
    /// <param name="exclusive">True for forgetting, false for the writers it must not race.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public virtual Task LockForgettingAsync(DbConnection connection, DbTransaction transaction, string experiment, bool exclusive, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Serializes writers of one trace's labels within <paramref name="transaction"/>, so a labeling session's limit of
    /// labels per trace holds across servers. The default does nothing: right where the write transaction already
    /// excludes other writers (SQLite); a backend whose transactions run side by side overrides it.
    /// </summary>
    /// <param name="connection">The transaction's connection.</param>
    /// <param name="transaction">The write transaction; the lock ends with it.</param>
    /// <param name="experiment">The trace's experiment.</param>
    /// <param name="traceId">The trace.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public virtual Task LockTraceAsync(DbConnection connection, DbTransaction transaction, string experiment, string traceId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Whether <see cref="InsertRowsAsync"/> loads plain inserts in bulk (PostgreSQL's binary COPY): a batch of traces is then copied
    /// into temporary staging tables and merged with one set-based statement per table, instead of inserted into the tables directly.
    /// </summary>
    public virtual bool CopiesInBulk => false;

    /// <summary>
    /// Inserts <paramref name="rows"/> (values in the order of <paramref name="columns"/>: <see langword="null"/> for SQL NULL, a
    /// <see cref="string"/>, <see cref="long"/>, <see cref="int"/>, <see cref="double"/>, byte array, or a
    /// <see cref="System.Text.Json.JsonElement"/> for a text column holding JSON, written as its raw text) into
    /// <paramref name="table"/> within <paramref name="transaction"/>, in order, with <paramref name="onConflict"/> (an
    /// <c>ON CONFLICT ...</c> clause) deciding what a row whose key is already stored does. The default executes one prepared
    /// <c>INSERT</c>, rebinding its parameters per row; a backend with a faster path for many rows (a bulk-load protocol, or its native statement
    /// interface) overrides it.
    /// </summary>
    /// <param name="connection">The transaction's connection.</param>
    /// <param name="transaction">The write transaction.</param>
    /// <param name="table">The table (a name from the schema, or a staging table).</param>
    /// <param name="columns">The columns written, with their SQL types.</param>
    /// <param name="rows">The rows, read one at a time: the enumeration may refill one array for every row, so a row is written (or copied) before the next is read.</param>
    /// <param name="onConflict">An <c>ON CONFLICT</c> clause appended to the insert, or <see langword="null"/> for a plain insert.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public virtual Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<SqlColumn> columns, IEnumerable<object?[]> rows,
        string? onConflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return InsertOneByOneAsync(connection, transaction, table, columns, rows, onConflict, cancellationToken);
    }

    private static async Task InsertOneByOneAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<SqlColumn> columns,
        IEnumerable<object?[]> rows, string? onConflict, CancellationToken cancellationToken)
    {
        var parameters = columns.Select((c, i) => ("@c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), c)).ToList();
        await using var insert = new SqlStatement(connection, transaction,
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", parameters.Select(p => p.Item1))}) {onConflict}", parameters);
        foreach (var row in rows)
        {
            await insert.ExecuteAsync(cancellationToken, [.. row.Select(value => value is System.Text.Json.JsonElement json ? json.GetRawText() : value)]).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// How a statement names a set of text values, for <c>column IN (...)</c>: the SQL to write between the parentheses and the
    /// parameters it binds, all named from <paramref name="parameter"/>. The default lists one parameter per value
    /// (<c>@ids0, @ids1, ...</c>); a backend that reads a whole list from one parameter (SQLite a JSON array through
    /// <c>json_each</c>) overrides it, so looking up a thousand ids binds one value instead of a thousand.
    /// </summary>
    /// <param name="parameter">The parameter's name, with its <c>@</c>; the default appends a number per value.</param>
    /// <param name="values">The values, at least one.</param>
    public virtual (string Sql, IReadOnlyList<(string Name, object? Value)> Parameters) TextSet(string parameter, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(values);
        var parameters = new (string Name, object? Value)[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            parameters[i] = (parameter + i.ToString(System.Globalization.CultureInfo.InvariantCulture), values[i]);
        }

        return (string.Join(", ", parameters.Select(p => p.Name)), parameters);
    }

    /// <summary>
    /// Brings the query planner's statistics on <paramref name="tables"/> up to date after writes grew an experiment in them. The
    /// default does nothing (SQLite's planner finds rows by id well without statistics). A backend whose planner would otherwise keep
    /// plans chosen when the experiment was small, scanning its whole range for each lookup by id, overrides it.
    /// </summary>
    /// <param name="connection">An open connection (no transaction).</param>
    /// <param name="tables">The tables written, each with <c>experiment</c> and <c>trace_id</c> columns.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public virtual Task RefreshStatisticsAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called after each large batch of a bulk write is committed (traces are written in transactions of up to 5,000; batches of
    /// fewer than 1,000 are not bulk): a backend may start the housekeeping those writes made due, on its own connection, so the
    /// writer does not stop for it. The default does nothing; SQLite copies its write-ahead log back into the database file (a
    /// checkpoint) while the next batch is written.
    /// </summary>
    public virtual void BulkBatchCommitted()
    {
    }

    /// <summary>After deleting forgotten rows: rewrite storage so their bytes are gone, not merely unreferenced.</summary>
    /// <param name="tables">Every table of the store.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public abstract Task EraseFreedSpaceAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken);

    /// <summary>
    /// What erasing freed space guarantees on this backend, and what it cannot reach (logs, backups,
    /// replicas), in a sentence or two for people: forget reports it.
    /// </summary>
    public abstract string ErasureGuarantee { get; }

    /// <summary>Turns a provider error into a <see cref="StoreException"/> naming the store and what was being done.</summary>
    public virtual StoreException Translate(Exception exception, string action)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new($"The MemAlign store {Description} failed while {action}: {exception.Message}", exception);
    }
}
