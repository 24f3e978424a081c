using System.Collections.Immutable;
using System.Linq;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators.Model;

/// <summary>
/// A MAJ diagnostic as plain values: the rule, where, the message arguments and the properties code
/// fixes read. Made once by the shared checks, reported by the analyzers (in the IDE) and by the
/// generator (so that a command-line build reports it even when other errors stop the analyzers).
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments, EquatableArray<string> Properties)
{
    public static DiagnosticInfo Create(string id, Location? location, ImmutableDictionary<string, string?>? properties, params string[] arguments) =>
        new(id, LocationInfo.From(location), new EquatableArray<string>(arguments),
            new EquatableArray<string>((properties ?? ImmutableDictionary<string, string?>.Empty).OrderBy(p => p.Key, System.StringComparer.Ordinal).SelectMany(p => new[] { p.Key, p.Value ?? "" })));

    /// <summary>The message, as the build prints it.</summary>
    public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticDescriptors.ById[Id].MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), Arguments.ToArray<object>());

    /// <summary>
    /// The diagnostic. Arguments are interned: the compiler drops a diagnostic equal to one already
    /// reported, and compares arguments by reference, so the analyzer's and the generator's copies of one
    /// finding must share them.
    /// </summary>
    public Diagnostic ToDiagnostic(System.Func<string, SyntaxTree?> treeByPath)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        for (var i = 0; i + 1 < Properties.Count; i += 2)
        {
            properties[Properties[i]] = Properties[i + 1];
        }

        var location = Location is null ? Microsoft.CodeAnalysis.Location.None : Location.ToLocation(treeByPath(Location.FilePath));
        return Diagnostic.Create(DiagnosticDescriptors.ById[Id], location, properties.ToImmutable(), Arguments.Select(a => (object)string.Intern(a)).ToArray());
    }
}
