using System.Data.Common;
using System.Globalization;
using System.Text;

namespace MemAlign.Storage.Sql;

/// <summary>
/// Writes many rows with prepared multi-row <c>INSERT</c>s: one execution per group of rows rather than per row, because the
/// provider's cost per execution (binding, stepping, resetting a statement), not the engine's, is most of a row's cost in SQLite.
/// </summary>
internal static class SqlRows
{
    /// <summary>At most this many rows per statement.</summary>
    public const int MaxRowsPerInsert = 100;

    /// <summary>
    /// Inserts <paramref name="rows"/> (values in the order of <paramref name="columns"/>) into <paramref name="table"/>, with
    /// <paramref name="onConflict"/> (an <c>ON CONFLICT</c> clause) after the values when given. Rows are written in order, so a
    /// later row meeting an earlier one's key meets it as a stored row.
    /// </summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<SqlColumn> columns, IEnumerable<object?[]> rows,
        string? onConflict, CancellationToken cancellationToken)
    {
        var perInsert = RowsPerInsert(columns.Count);
        SqlStatement? full = null;
        try
        {
            var group = new List<object?>(perInsert * columns.Count);
            var grouped = 0;
            foreach (var row in rows)
            {
                group.AddRange(row);
                if (++grouped == perInsert)
                {
                    full ??= Insert(connection, transaction, table, columns, perInsert, onConflict);
                    await full.ExecuteAsync(cancellationToken, [.. group]).ConfigureAwait(false);
                    group.Clear();
                    grouped = 0;
                }
            }

            if (grouped > 0)
            {
                await using var rest = Insert(connection, transaction, table, columns, grouped, onConflict);
                await rest.ExecuteAsync(cancellationToken, [.. group]).ConfigureAwait(false);
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // As many rows as keep a statement within 999 parameters (the lowest limit SQLite has been built with).
    private static int RowsPerInsert(int columns) => Math.Clamp(999 / Math.Max(columns, 1), 1, MaxRowsPerInsert);

    private static SqlStatement Insert(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<SqlColumn> columns, int rows, string? onConflict)
    {
        var parameters = new List<(string Name, SqlColumn Column)>(rows * columns.Count);
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{parameters.Count}");
                parameters.Add((name, columns[c]));
                sql.Append(c == 0 ? name : ", " + name);
            }

            sql.Append(')');
        }

        if (onConflict is not null)
        {
            sql.Append(' ').Append(onConflict);
        }

        return new SqlStatement(connection, transaction, sql.ToString(), parameters);
    }
}
