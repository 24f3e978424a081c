using Microsoft.ML.Tokenizers;

namespace MemAlign.Alignment;

/// <summary>
/// Counts and truncates text in tokens (o200k_base, the encoding of current OpenAI models), for the
/// reflection model's input budget and the embedder's input limit. Other models' tokenizers differ a
/// little; the budgets keep a margin for that.
/// </summary>
/// <remarks>
/// Byte-pair encoding costs the square of a pre-token's length, and a run without whitespace (base64, a
/// minified line, one repeated character) is one pre-token: a 400 KB run took a minute. So text is counted
/// in pieces of at most <see cref="PieceLength"/> characters, cut where a whitespace run starts when the
/// piece has one (where the tokenizer splits anyway) and otherwise at the length: the cost is linear in
/// the text's length. A hard cut can add a token at the cut, which only errs on the safe side of a budget.
/// </remarks>
internal static class TokenCounter
{
    /// <summary>The longest piece counted at once.</summary>
    internal const int PieceLength = 256;

    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    /// <summary>The o200k_base tokenizer itself (count with it directly only for short texts: see the remarks).</summary>
    public static Tokenizer Encoding => Tokenizer.Value;

    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        for (var start = 0; start < text.Length;)
        {
            var length = PieceAt(text, start);
            count += Tokenizer.Value.CountTokens(text.AsSpan(start, length));
            start += length;
        }

        return count;
    }

    /// <summary>The longest prefix of <paramref name="text"/> of at most <paramref name="maxTokens"/> tokens (as <see cref="Count"/> counts them).</summary>
    public static string Truncate(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var left = maxTokens;
        for (var start = 0; start < text.Length;)
        {
            var length = PieceAt(text, start);
            var piece = text.AsSpan(start, length);
            var tokens = Tokenizer.Value.CountTokens(piece);
            if (tokens > left)
            {
                // A token may end inside a character (an emoji is several byte tokens): never keep half a surrogate pair.
                var end = start + Tokenizer.Value.GetIndexByTokenCount(piece, Math.Max(left, 0), out _, out _);
                return text[..(end > 0 && char.IsHighSurrogate(text[end - 1]) ? end - 1 : end)];
            }

            left -= tokens;
            start += length;
        }

        return text;
    }

    /// <summary>The length of the piece that starts at <paramref name="start"/>.</summary>
    private static int PieceAt(string text, int start)
    {
        var rest = text.Length - start;
        if (rest <= PieceLength)
        {
            return rest;
        }

        // The last place in the window where whitespace follows something else: the tokenizer splits there too.
        for (var cut = start + PieceLength; cut > start; cut--)
        {
            if (char.IsWhiteSpace(text[cut]) && !char.IsWhiteSpace(text[cut - 1]))
            {
                return cut - start;
            }
        }

        // A run without such a place: cut at the length, never between the halves of a surrogate pair.
        return char.IsHighSurrogate(text[start + PieceLength - 1]) ? PieceLength - 1 : PieceLength;
    }
}
