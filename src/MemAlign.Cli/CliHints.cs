namespace MemAlign.Cli;

/// <summary>
/// The tool's own hints on library messages. The libraries name their API members (ImportOptions.OnConflict, say),
/// never the tool's flags or environment variables; where a message names a member the tool sets from a flag, the
/// tool says which flag. The one place that knows which member each flag sets.
/// </summary>
internal static class CliHints
{
    private static readonly (string Member, string Hint)[] Hints =
    [
        ("ImportOptions.OnConflict", "memalign: import with --on-conflict replace or --on-conflict skip"),
        ("LabelResolution.Adjudicator", "memalign: --label-rule adjudicator --adjudicator ID"),
        ("SqliteMemAlignStore.OpenAsync(path)", "memalign: import traces or register a judge first, or point --store or MEMALIGN_STORE at a store"),
        ("(OpenReadOnlyAsync)", "memalign: a command that writes, such as memalign import, upgrades it"),
    ];

    /// <summary><paramref name="message"/> followed by the tool's hint for each member it names.</summary>
    public static string Add(string message)
    {
        foreach (var (member, hint) in Hints)
        {
            if (message.Contains(member, StringComparison.Ordinal))
            {
                message += $" ({hint})";
            }
        }

        return message;
    }
}
