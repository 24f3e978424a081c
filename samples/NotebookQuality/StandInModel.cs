using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace NotebookQuality;

/// <summary>
/// The offline stand-in for an LLM, so the study runs with no model configured. It finds the notebook's
/// cell for the dimension being graded and, like the out-of-the-box judges of the study, is too polite:
/// any cell gets 3, no cell gets 0. Shown retrieved expert examples (an aligned judge), it gives the score
/// the experts gave to examples with the same cell, as a model shown those examples tends to, and stays
/// polite when no example is comparable. It reads no guidelines, so offline the semantic memory adds nothing.
/// It is a demonstration device, not a judge: set OPENAI_API_KEY (or OPENAI_BASE_URL) for a real model.
/// </summary>
internal sealed partial class StandInModel : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // The rubric (with the dimension) is in the system message; the user message holds the retrieved examples
        // (an aligned judge), then the trace's fields as JSON values, the notebook last.
        var rubric = messages.First(m => m.Role == ChatRole.System).Text;
        var prompt = messages.Last(m => m.Role == ChatRole.User).Text;
        var heading = DimensionLine().Match(rubric).Groups[1].Value is var dimension && dimension == "Cell Organization" ? "Overview" : dimension;
        var trace = prompt.LastIndexOf("Trace to judge:\n", StringComparison.Ordinal);
        var cell = CellOf(NotebookField().Match(prompt[trace..]).Groups[1].Value, heading);

        var sameCell = trace == 0 ? [] : ExampleBlock().Matches(prompt[..trace])
            .Where(m => CellOf(m.Groups["notebook"].Value, heading) == cell)
            .Select(m => int.Parse(m.Groups["score"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        var (score, why) = sameCell.Count > 0
            ? (sameCell.GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key, $"scored as the {sameCell.Count} expert example(s) with the same {heading} cell")
            : cell is null ? (0, $"no {heading} cell") : (3, $"the notebook has a {heading} cell");
        var reply = $"{{\"rationale\": \"Stand-in model: {why}.\", \"result\": {score}}}";
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)) { ModelId = "offline-stand-in" });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    /// <summary>The body of the cell under "## <paramref name="heading"/>", lines trimmed (examples arrive indented), or null.</summary>
    private static string? CellOf(string notebook, string heading)
    {
        var lines = notebook.Split('\n').Select(l => l.Trim()).ToList();
        var start = lines.IndexOf("## " + heading);
        return start < 0 ? null : string.Join('\n', lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Where(l => l.Length > 0));
    }

    [GeneratedRegex(@"Dimension: ([^.]+)\.")]
    private static partial Regex DimensionLine();

    [GeneratedRegex(@"\noutputs: ([\s\S]*)$")]
    private static partial Regex NotebookField();

    [GeneratedRegex(@"  outputs: (?<notebook>[\s\S]*?)\n  result: (?<score>\d)")]
    private static partial Regex ExampleBlock();
}
