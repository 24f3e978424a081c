using System.Data;

namespace MemAlign.Storage.Sql;

/// <summary>A column written in bulk (<see cref="SqlDialect.InsertRowsAsync"/>): its name and its SQL type as the schema declares it.</summary>
/// <param name="name">The column's name.</param>
/// <param name="type">Its SQL type: <c>TEXT</c>, <c>BIGINT</c>, <c>INTEGER</c> or the dialect's <see cref="SqlDialect.BinaryType"/>.</param>
public sealed class SqlColumn(string name, string type)
{
    /// <summary>The column's name.</summary>
    public string Name { get; } = name;

    /// <summary>Its SQL type: <c>TEXT</c>, <c>BIGINT</c>, <c>INTEGER</c> or the dialect's <see cref="SqlDialect.BinaryType"/>.</summary>
    public string Type { get; } = type;

    /// <summary>The ADO.NET type of a parameter bound to this column, so a null binds with its type too.</summary>
    public DbType DbType => Type.ToUpperInvariant() switch
    {
        "BIGINT" => DbType.Int64,
        "INTEGER" => DbType.Int32,
        "BLOB" or "BYTEA" => DbType.Binary,
        "DOUBLE PRECISION" => DbType.Double,
        _ => DbType.String,
    };

    /// <summary>Columns of type <c>TEXT</c>, by name.</summary>
    public static SqlColumn[] Texts(params string[] names) => [.. names.Select(n => new SqlColumn(n, "TEXT"))];
}
