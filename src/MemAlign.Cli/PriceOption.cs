using System.CommandLine;

namespace MemAlign.Cli;

/// <summary><c>--price</c>: the model's token prices for this command's cost line, overriding the settings file's <c>prices</c> for it.</summary>
internal sealed class PriceOption
{
    public Option<string?> Option { get; } = new("--price")
    {
        Description = "The model's prices per million tokens for the cost line, such as input=0.40,cached=0.10,output=1.60 (also batchInput, batchOutput); "
            + "beats the settings file's prices for the model in use. No price is assumed when none is given.",
    };

    /// <summary>The price given, or null.</summary>
    /// <exception cref="UsageException">The price is malformed (the message names the key or value).</exception>
    public ModelPrice? Read(ParseResult parse) => parse.GetValue(Option) is { } text ? ModelPrice.Parse(text) : null;
}
