using Microsoft.ML.Tokenizers;

namespace MemAlign.Alignment;

/// <summary>
/// Counts and truncates text in tokens (o200k_base, the encoding of current OpenAI models), for the
/// reflection model's input budget and the embedder's input limit. Other models' tokenizers differ a
/// little; the budgets keep a margin for that.
/// </summary>
internal static class TokenCounter
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string text) => Tokenizer.Value.CountTokens(text);

    /// <summary>The longest prefix of <paramref name="text"/> of at most <paramref name="maxTokens"/> tokens.</summary>
    public static string Truncate(string text, int maxTokens)
    {
        var index = Tokenizer.Value.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return index >= text.Length ? text : text[..index];
    }
}
