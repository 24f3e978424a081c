using System.Data.Common;
using System.Text.RegularExpressions;

namespace MemAlign.Storage.Sql;

/// <summary>
/// Binds <c>@name</c> parameters exactly: every name the SQL uses must be given and every name given
/// must be used (as a whole token, so <c>@p1</c> never matches inside <c>@p10</c>). A mismatch is a bug
/// in the statement, reported with the statement rather than left to the provider.
/// </summary>
internal static partial class SqlParameters
{
    public static void Bind(DbCommand command, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var used = Token().Matches(sql).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (!given.Add(name))
            {
                throw new InvalidOperationException($"The SQL parameter {name} is given twice for: {sql}");
            }

            if (!used.Contains(name))
            {
                throw new InvalidOperationException($"The SQL parameter {name} is given but not used by: {sql}");
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        if (used.FirstOrDefault(name => !given.Contains(name)) is { } missing)
        {
            throw new InvalidOperationException($"The SQL parameter {missing} has no value in: {sql}");
        }
    }

    /// <summary>The inside of an <c>IN (...)</c> for <paramref name="values"/>, as the dialect writes a set (<see cref="SqlDialect.TextSet"/>), and its parameters.</summary>
    public static (string InList, List<(string Name, object? Value)> Parameters) InList(SqlDialect dialect, IReadOnlyList<string> values)
    {
        var (sql, parameters) = dialect.TextSet("@ids", values);
        return (sql, [.. parameters]);
    }

    [GeneratedRegex(@"@[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
