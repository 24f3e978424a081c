using Microsoft.AspNetCore.Http;

namespace MemAlign.Labeling;

/// <summary>The page, its script and its style, read once from the assembly's resources (nothing is fetched from elsewhere).</summary>
internal static class EmbeddedAssets
{
    private static readonly Dictionary<string, (byte[] Content, string ContentType)> Assets = new[]
    {
        ("index.html", "text/html; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("app.css", "text/css; charset=utf-8"),
    }.ToDictionary(a => a.Item1, a => (Read(a.Item1), a.Item2), StringComparer.Ordinal);

    public static IResult Serve(string name) => Results.Bytes(Assets[name].Content, Assets[name].ContentType);

    private static byte[] Read(string name)
    {
        using var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream("MemAlign.Labeling.Assets." + name)
            ?? throw new InvalidOperationException($"The labeling app's asset '{name}' is not embedded in {typeof(EmbeddedAssets).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
