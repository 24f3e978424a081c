using System.Data.Common;

namespace MemAlign.Storage.Sql;

/// <summary>
/// The plumbing every part of the SQL store shares: a pooled connection per operation, one transaction
/// per write, statements with exactly bound parameters, rows read by name, provider errors turned into
/// <see cref="StoreException"/>s naming the store, and the store's clock.
/// </summary>
internal sealed class SqlSession(SqlDialect dialect, TimeProvider clock)
{
    // Traces per write transaction: each commit rewrites every index page its rows touched (on SQLite, into the write-ahead
    // log), so small transactions multiply the writing; 5,000 made a 50,000-trace import a quarter faster on PostgreSQL.
    public const int BatchSize = 5_000;

    // A write of at least this many traces is a bulk batch: the dialect is told when it commits (see SqlDialect.BulkBatchCommitted),
    // while a trace or a few logged at a time leave the housekeeping to the backend's own schedule.
    public const int BulkBatchMinimum = 1_000;

    public const int PageSize = 500;
    public const int InListSize = 1_000;

    public SqlDialect Dialect { get; } = dialect;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Runs <paramref name="work"/> on a fresh pooled connection; provider errors become <see cref="StoreException"/>s naming the store.</summary>
    public async Task<T> RunAsync<T>(string action, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or IOException or System.Net.Sockets.SocketException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw Dialect.Translate(e, action);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction on a fresh connection.</summary>
    public Task<T> WriteAsync<T>(string action, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(action, async connection =>
        {
            await using var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken);

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<(string Name, object? Value)>? parameters = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        SqlParameters.Bind(command, sql, parameters ?? []);
        return command;
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads every row of a query with <paramref name="read"/> (a row record's reader, by column name).</summary>
    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<(string Name, object? Value)> parameters,
        Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static Task<int> EnsureExperimentAsync(DbConnection connection, DbTransaction transaction, string experiment, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "INSERT INTO experiments (name, created_at) VALUES (@n, @c) ON CONFLICT (name) DO NOTHING",
            [("@n", experiment), ("@c", now.UtcTicks)], cancellationToken);
}
