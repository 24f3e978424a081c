using System.Text.RegularExpressions;

namespace MemAlign.Cli.Tests;

/// <summary>
/// What docs/json-output.md says: the schema version, each record's field table (after a
/// <c>&lt;!-- fields: TypeName --&gt;</c> marker: name and type of every field, links to other records read as their names),
/// and its JSON examples.
/// </summary>
internal sealed partial class JsonOutputDoc
{
    private JsonOutputDoc(string text)
    {
        Text = text;
        var version = VersionLine().Match(text);
        Assert.True(version.Success, "docs/json-output.md does not state 'Schema version: **N**'");
        Version = int.Parse(version.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (FieldsMarker().Match(lines[i]) is { Success: true } marker)
            {
                var fields = new List<(string Name, string Type)>();
                for (var j = i + 1; j < lines.Length && (lines[j].StartsWith('|') || fields.Count == 0 && lines[j].Trim().Length == 0); j++)
                {
                    if (FieldRow().Match(lines[j]) is { Success: true } row)
                    {
                        fields.Add((row.Groups[1].Value, Link().Replace(row.Groups[2].Value, "$1").Trim()));
                    }
                }

                Assert.False(Records.ContainsKey(marker.Groups[1].Value), $"docs/json-output.md documents {marker.Groups[1].Value} twice");
                Records[marker.Groups[1].Value] = fields;
            }
        }

        Examples = [.. JsonBlock().Matches(text).Select(m => m.Groups[1].Value)];
    }

    public static JsonOutputDoc Load() => new(File.ReadAllText(Path.Combine(CliRunner.Repository, "docs", "json-output.md")).ReplaceLineEndings("\n"));

    public string Text { get; }

    /// <summary>The schema version the page documents.</summary>
    public int Version { get; }

    /// <summary>Each documented record (by its type's name in the tool) and its fields in order: name and type as written.</summary>
    public Dictionary<string, List<(string Name, string Type)>> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>The text of every ```json block.</summary>
    public List<string> Examples { get; }

    [GeneratedRegex(@"Schema version: \*\*(\d+)\*\*")]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^<!-- fields: (\w+) -->")]
    private static partial Regex FieldsMarker();

    [GeneratedRegex(@"^\| `([a-z0-9_]+)` \| ([^|]+) \|")]
    private static partial Regex FieldRow();

    // A record's name in a type links to its table: [IntervalJson](#intervaljson) is IntervalJson.
    [GeneratedRegex(@"\[(\w+)\]\(#[\w-]+\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
