namespace MemAlign.Cli;

/// <summary>
/// What the settings file's <c>models</c> says about calling one model: a reasoning model that accepts only its default
/// temperature gets <c>"temperature": null</c>, and one that spends its budget on hidden reasoning a larger output budget.
/// A setting the file leaves out keeps the judge's default.
/// </summary>
internal sealed record ModelSettings
{
    /// <summary>The keys of a model's entry, as the file spells them.</summary>
    public const string TemperatureKey = "temperature", MaxOutputTokensKey = "maxOutputTokens", MaxOutputTokensOnTruncationKey = "maxOutputTokensOnTruncation";

    /// <summary>Every key of a model's entry.</summary>
    public static readonly string[] Keys = [TemperatureKey, MaxOutputTokensKey, MaxOutputTokensOnTruncationKey];

    /// <summary>Whether the file sets the temperature (to a number, or to null: send none).</summary>
    public bool SetsTemperature { get; init; }

    /// <summary>The temperature to send when <see cref="SetsTemperature"/>; null sends none.</summary>
    public float? Temperature { get; init; }

    /// <summary>The output budget, in tokens; null keeps the judge's.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>The larger budget asked for once when a reply is cut off; null keeps the judge's.</summary>
    public int? MaxOutputTokensOnTruncation { get; init; }

    /// <summary><paramref name="options"/> with what this entry sets.</summary>
    public JudgeOptions ApplyTo(JudgeOptions options) => options with
    {
        Temperature = SetsTemperature ? Temperature : options.Temperature,
        MaxOutputTokens = MaxOutputTokens ?? options.MaxOutputTokens,
        MaxOutputTokensOnTruncation = MaxOutputTokensOnTruncation ?? options.MaxOutputTokensOnTruncation,
    };
}
