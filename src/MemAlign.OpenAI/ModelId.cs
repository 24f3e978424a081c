namespace MemAlign.OpenAI;

/// <summary>A model id in MLflow's form, <c>provider:/model</c>, such as <c>openai:/gpt-4.1-mini</c>.</summary>
/// <param name="Provider">The provider, lower case, such as <c>openai</c>.</param>
/// <param name="Name">The provider's model name, such as <c>gpt-4.1-mini</c>.</param>
internal sealed record ModelId(string Provider, string Name)
{
    /// <summary>Parses <c>provider:/model</c> (the slash is optional).</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static ModelId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var provider = colon > 0 ? text[..colon].Trim() : "";
        var name = colon > 0 ? text[(colon + 1)..].TrimStart('/').Trim() : "";
        if (provider.Length == 0 || name.Length == 0)
        {
            throw new FormatException($"'{text}' is not a model id; write it as provider:/model, for example openai:/gpt-4.1-mini.");
        }

        return new ModelId(provider.ToLowerInvariant(), name);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Provider}:/{Name}";
}
