using System.Reflection;

namespace MemAlign.Tests;

/// <summary>
/// src/BannedSymbols.txt, which the compiler applies to every library: each entry names a member that exists (a
/// misspelt documentation id bans nothing, silently), and the clock's bans cover every way to wait or read the time
/// without a TimeProvider.
/// </summary>
public sealed class BannedSymbolsTests
{
    private static readonly IReadOnlyList<string> Banned = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "BannedSymbols.txt"))
        .Where(l => l.Length > 0).Select(l => l.Split(';')[0]).ToList();

    [Fact]
    public void Every_Task_Delay_without_a_TimeProvider_and_TimeProvider_System_are_banned()
    {
        var delays = typeof(Task).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == nameof(Task.Delay))
            .Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(TimeProvider)))
            .Select(DocumentationId).ToList();

        Assert.NotEmpty(delays);
        Assert.All(delays, id => Assert.Contains(id, Banned));
        Assert.Contains("P:System.TimeProvider.System", Banned);
    }

    [Fact]
    public void Every_banned_entry_names_a_member_that_exists()
    {
        var known = new[] { typeof(DateTime), typeof(DateTimeOffset), typeof(System.Diagnostics.Stopwatch), typeof(Environment), typeof(Task), typeof(TimeProvider) }
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance))
            .Select(m => m switch { MethodInfo method => DocumentationId(method), PropertyInfo property => $"P:{property.DeclaringType!.FullName}.{property.Name}", _ => "" })
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(Banned, id => Assert.Contains(id, known));
    }

    // The documentation id the banned API analyzer reads: M:Type.Method(ParameterTypes), without parentheses for none.
    private static string DocumentationId(MethodInfo method)
    {
        var parameters = method.GetParameters();
        var list = parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => p.ParameterType.FullName)) + ")";
        return $"M:{method.DeclaringType!.FullName}.{method.Name}{list}";
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "src", "BannedSymbols.txt")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No src/BannedSymbols.txt above {AppContext.BaseDirectory}.");
    }
}
