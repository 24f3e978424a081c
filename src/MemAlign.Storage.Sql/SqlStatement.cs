using System.Data.Common;

namespace MemAlign.Storage.Sql;

/// <summary>
/// One statement shape executed many times in a transaction: a single command, its parameters created once
/// (checked by <see cref="SqlParameters"/>), prepared on first use, and only rebound afterwards. Writing a batch
/// this way skips re-parsing and re-planning the SQL per row.
/// </summary>
internal sealed class SqlStatement : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private bool _prepared;

    public SqlStatement(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<(string Name, SqlColumn Column)> parameters)
    {
        _command = SqlSession.Command(connection, transaction, sql, [.. parameters.Select(p => (p.Name, (object?)null))]);
        _parameters = [.. _command.Parameters.Cast<DbParameter>()];
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].DbType = parameters[i].Column.DbType;
        }
    }

    /// <summary>Binds <paramref name="values"/> (in the order the parameters were given) and executes.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken, params object?[] values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new InvalidOperationException($"{values.Length} value(s) for the {_parameters.Length} parameter(s) of: {_command.CommandText}");
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        if (!_prepared)
        {
            await _command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            _prepared = true;
        }

        return await _command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
