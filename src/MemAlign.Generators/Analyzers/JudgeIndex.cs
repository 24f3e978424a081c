using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MemAlign.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators.Analyzers;

/// <summary>Every [Judge] type in the compilation by judge name: what label schemas are checked against, and how duplicates are found.</summary>
internal sealed class JudgeIndex
{
    private readonly Dictionary<string, List<INamedTypeSymbol>> _byName;

    private JudgeIndex(Dictionary<string, List<INamedTypeSymbol>> byName)
    {
        _byName = byName;
    }

    public IEnumerable<string> Names => _byName.Keys;

    public static JudgeIndex Build(Compilation compilation, INamedTypeSymbol judgeAttribute, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, List<INamedTypeSymbol>>(System.StringComparer.Ordinal);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                }

                if (member is INamedTypeSymbol type && NameOf(type, judgeAttribute) is { } name)
                {
                    if (!byName.TryGetValue(name, out var list))
                    {
                        byName[name] = list = [];
                    }

                    list.Add(type);
                }
            }
        }

        return new JudgeIndex(byName);
    }

    public IReadOnlyList<INamedTypeSymbol> Find(string name) => _byName.TryGetValue(name, out var list) ? list : [];

    public static string? NameOf(INamedTypeSymbol type, INamedTypeSymbol attributeClass)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeClass));
        return attribute is null ? null : JudgeParser.FirstArgument(attribute);
    }
}
