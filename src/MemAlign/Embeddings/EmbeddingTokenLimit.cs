using Microsoft.ML.Tokenizers;

namespace MemAlign;

/// <summary>
/// How much text an embedder reads, in its own tokens. An embedder offers it through
/// <c>GetService(typeof(EmbeddingTokenLimit))</c> (the MiniLM embedder does: its WordPiece vocabulary and 254 tokens);
/// MemAlign then shortens a conversation to this budget, counted with this tokenizer, before embedding it, so what is
/// embedded is what the model reads and nothing is cut off silently by the model. An embedder that offers none gets
/// <see cref="Default"/>.
/// </summary>
public sealed class EmbeddingTokenLimit
{
    /// <summary>Creates a limit.</summary>
    /// <param name="tokenizer">The embedder's tokenizer.</param>
    /// <param name="maxTokens">The most tokens of text the embedder reads (its special tokens excluded), at least 32.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTokens"/> is below 32.</exception>
    public EmbeddingTokenLimit(Tokenizer tokenizer, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 32);
        Tokenizer = tokenizer;
        MaxTokens = maxTokens;
    }

    /// <summary>
    /// For embedders that name no limit: 512 tokens of o200k_base (the encoding of current OpenAI models), well under
    /// OpenAI embedders' 8,191, so a conversation example stays short enough to show in prompts too.
    /// </summary>
    public static EmbeddingTokenLimit Default { get; } = new(Alignment.TokenCounter.Encoding, 512);

    /// <summary>The embedder's tokenizer, which counts the budget.</summary>
    public Tokenizer Tokenizer { get; }

    /// <summary>The most tokens of text the embedder reads.</summary>
    public int MaxTokens { get; }

    /// <summary>The limit <paramref name="embedder"/> offers, or <see cref="Default"/> when it offers none (or there is no embedder).</summary>
    public static EmbeddingTokenLimit For(Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>? embedder) =>
        embedder?.GetService(typeof(EmbeddingTokenLimit)) as EmbeddingTokenLimit ?? Default;
}
