using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MemAlign.Generators.Model;
using MemAlign.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemAlign.Generators.Analyzers;

/// <summary>
/// Every [Judge] type in the compilation, by name: what label schemas are checked against, and how
/// duplicates are found. Built once per compilation, on first need, from the declared types that carry
/// attributes in source (no namespace walk, no binding of types without attributes), and cancellable:
/// a cancelled build leaves nothing cached, so the next request builds it again.
/// </summary>
internal sealed class JudgeIndex
{
    private readonly Dictionary<string, List<JudgeEntry>> _byName;

    private JudgeIndex(Dictionary<string, List<JudgeEntry>> byName)
    {
        _byName = byName;
        Keys = LabelChecks.Ordered(byName.Values.SelectMany(list => list).Select(e => e.Key));
    }

    /// <summary>Every judge, in the order the checks use.</summary>
    public IReadOnlyList<JudgeKey> Keys { get; }

    public IReadOnlyList<JudgeEntry> Find(string name) => _byName.TryGetValue(name, out var list) ? list : [];

    private static JudgeIndex Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, List<JudgeEntry>>(System.StringComparer.Ordinal);
        foreach (var symbol in compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is not INamedTypeSymbol type || !HasAttributesInSource(type, cancellationToken)
                || KnownTypes.Attribute(type, KnownTypes.JudgeAttribute) is not { } attribute
                || JudgeReader.Entry(type, attribute, cancellationToken) is not { } entry)
            {
                continue;
            }

            if (!byName.TryGetValue(entry.Key.Name, out var list))
            {
                byName[entry.Key.Name] = list = [];
            }

            list.Add(entry);
        }

        return new JudgeIndex(byName);
    }

    // Reading a type's attributes binds them; a type written with no attribute list cannot be a judge.
    private static bool HasAttributesInSource(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { AttributeLists.Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The compilation's index, built on first use with the caller's cancellation token.</summary>
    internal sealed class Cache(Compilation compilation)
    {
        private readonly object _gate = new();
        private JudgeIndex? _index;

        public JudgeIndex Get(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _index) is { } index)
            {
                return index;
            }

            lock (_gate)
            {
                return _index ??= Build(compilation, cancellationToken);
            }
        }
    }
}
