using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MemAlign.Generators.Model;

/// <summary>A source location as plain values (file, span, line span), so diagnostics can sit in cached pipeline models.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location is { IsInSource: true, SourceTree: { } tree } ? new LocationInfo(tree.FilePath, location.SourceSpan, location.GetLineSpan().Span) : null;

    /// <summary>The location in <paramref name="tree"/> (the compilation's own tree, so that diagnostics reported twice compare equal), or an external one.</summary>
    public Location ToLocation(SyntaxTree? tree) => tree is not null ? Location.Create(tree, Span) : Location.Create(FilePath, Span, LineSpan);
}
