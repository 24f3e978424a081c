using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators.Analyzers;

/// <summary>The compilation's syntax trees by file path, for turning a finding's location back into a source location.</summary>
internal sealed class SyntaxTrees(Compilation compilation)
{
    private Dictionary<string, SyntaxTree>? _byPath;

    public SyntaxTree? Find(string path)
    {
        var byPath = Volatile.Read(ref _byPath);
        if (byPath is null)
        {
            byPath = new Dictionary<string, SyntaxTree>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                byPath[tree.FilePath] = tree;
            }

            Volatile.Write(ref _byPath, byPath);
        }

        return byPath.TryGetValue(path, out var found) ? found : null;
    }
}
