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

    /// <summary>An <c>IN (...)</c> list of parameters <c>@p0, @p1, ...</c> for <paramref name="values"/>.</summary>
    public static (string InList, List<(string Name, object? Value)> Parameters) InList(IReadOnlyList<string> values)
    {
        var parameters = new List<(string, object?)>(values.Count + 4);
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add((names[i], values[i]));
        }

        return (string.Join(", ", names), parameters);
    }

    [GeneratedRegex(@"@[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
