using System.Text;
using System.Text.Json;

namespace MemAlign.Alignment;

/// <summary>A conversation as an episodic example keeps it: its text, and what was left out to fit the budget.</summary>
/// <param name="Text">The transcript, one numbered turn per line (<c>#3 user: ...</c>), with markers where turns or words were left out.</param>
/// <param name="Turns">The turns the conversation has.</param>
/// <param name="TurnsLeftOut">The turns not shown at all.</param>
/// <param name="Tokens">The tokens of <paramref name="Text"/>, counted with the budget's tokenizer.</param>
/// <param name="FullTokens">The tokens of the whole transcript, before shortening.</param>
internal sealed record ShortenedConversation(string Text, int Turns, int TurnsLeftOut, int Tokens, int FullTokens);

/// <summary>
/// Turns a conversation (a message list, as <c>{{ conversation }}</c> reads it) into the text an episodic example
/// keeps, embeds and shows, within the embedder's token budget (<see cref="EmbeddingTokenLimit"/>).
/// </summary>
/// <remarks>
/// <para>Each turn is one line, <c>#n role: content</c> (text content as it is, other content as compact JSON). A
/// transcript within the budget is kept whole. A longer one keeps the first user turn (what the conversation is
/// about; at most half the budget) and then as many of the last turns as fit (where it ended up, which the verdict
/// is usually about), with one line <c>[... N turns left out ...]</c> in place of the middle; the turn numbers show
/// where the gap is. A kept turn too long for its share is cut between words (never inside a token), and the cut
/// is marked <c>[...]</c>: the first user turn keeps its beginning, a last turn its end.</para>
/// <para>Tokens are counted with the embedder's tokenizer, so the embedded text is what the model reads. The
/// result is checked against the budget as a whole, and the oldest kept last turn goes until it fits.</para>
/// </remarks>
internal static class ConversationText
{
    private const string CutMarker = "[...]";

    public static ShortenedConversation Shorten(JsonElement conversation, EmbeddingTokenLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var turns = Turns(conversation);
        var overhead = Count(limit, "");
        int Tokens(string text) => Count(limit, text) - overhead;

        var full = string.Join("\n", turns.Select(t => t.Line));
        var fullTokens = Tokens(full);
        if (fullTokens <= limit.MaxTokens)
        {
            return new ShortenedConversation(full, turns.Count, 0, fullTokens, fullTokens);
        }

        var first = Math.Max(0, turns.FindIndex(t => t.Role == "user"));
        var head = Cut(turns[first].Line, limit.MaxTokens / 2, keepStart: true, Tokens);

        // The last turns, newest first, while they fit next to the head and the marker (which needs about 10 tokens).
        var reserve = Tokens(Marker(turns.Count)) + 2;
        var left = limit.MaxTokens - Tokens(head) - reserve;
        var tail = new List<string>();
        for (var i = turns.Count - 1; i > first && left > 0; i--)
        {
            var line = turns[i].Line;
            var tokens = Tokens(line) + 1;
            if (tokens > left)
            {
                // The newest turn alone is too long: keep its end. An older one is left out whole.
                if (tail.Count == 0 && Cut(line, left - 1, keepStart: false, Tokens) is { Length: > 0 } end)
                {
                    tail.Add(end);
                }

                break;
            }

            tail.Add(line);
            left -= tokens;
        }

        while (true)
        {
            var shown = tail.Count + (head.Length > 0 ? 1 : 0);
            var leftOut = turns.Count - shown;
            var lines = new List<string>();
            if (head.Length > 0)
            {
                lines.Add(head);
            }

            if (leftOut > 0)
            {
                lines.Add(Marker(leftOut));
            }

            lines.AddRange(Enumerable.Reverse(tail));
            var text = string.Join("\n", lines);
            var tokens = Tokens(text);
            if (tokens <= limit.MaxTokens || tail.Count == 0)
            {
                return new ShortenedConversation(text, turns.Count, leftOut, tokens, fullTokens);
            }

            tail.RemoveAt(tail.Count - 1);
        }
    }

    private static string Marker(int leftOut) => $"[... {leftOut} turn{(leftOut == 1 ? "" : "s")} left out ...]";

    private static int Count(EmbeddingTokenLimit limit, string text) =>
        ReferenceEquals(limit.Tokenizer, TokenCounter.Encoding) ? TokenCounter.Count(text) : limit.Tokenizer.CountTokens(text);

    private static List<(string Role, string Line)> Turns(JsonElement conversation)
    {
        var turns = new List<(string Role, string Line)>();
        if (conversation.ValueKind != JsonValueKind.Array)
        {
            turns.Add(("user", "#1 user: " + OneLine(Content(conversation))));
            return turns;
        }

        foreach (var message in conversation.EnumerateArray())
        {
            var role = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String
                ? r.GetString()!
                : "message";
            var content = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("content", out var c) ? Content(c) : Content(message);
            turns.Add((role, $"#{turns.Count + 1} {OneLine(role)}: {OneLine(content)}"));
        }

        return turns;
    }

    private static string Content(JsonElement content) => content.ValueKind == JsonValueKind.String ? content.GetString()! : content.GetRawText();

    // One turn per line: line breaks inside a turn become spaces, so the turn numbers alone start lines.
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// The longest start (or end) of <paramref name="line"/> within <paramref name="budget"/> tokens, cut between words
    /// and marked; the line itself when it fits; empty when not even one word does.
    /// </summary>
    private static string Cut(string line, int budget, bool keepStart, Func<string, int> tokens)
    {
        if (tokens(line) <= budget)
        {
            return line;
        }

        // Word boundaries: before a whitespace run (keeping the start) or after one (keeping the end), where every tokenizer splits.
        var cuts = new List<int>();
        for (var i = 1; i < line.Length; i++)
        {
            if (keepStart ? char.IsWhiteSpace(line[i]) && !char.IsWhiteSpace(line[i - 1]) : !char.IsWhiteSpace(line[i]) && char.IsWhiteSpace(line[i - 1]))
            {
                cuts.Add(i);
            }
        }

        string Piece(int at) => keepStart ? line[..at] + " " + CutMarker : CutMarker + " " + line[at..];

        // Keeping the start: the longest prefix that fits (cuts ascending). Keeping the end: the earliest start that fits.
        int lo = 0, hi = cuts.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var fits = tokens(Piece(cuts[mid])) <= budget;
            if (fits == keepStart)
            {
                found = fits ? mid : found;
                lo = mid + 1;
            }
            else
            {
                found = fits ? mid : found;
                hi = mid - 1;
            }
        }

        return found < 0 ? "" : Piece(cuts[found]);
    }
}
