namespace MemAlign.Cli;

/// <summary>
/// The settings of a settings file (memalign.json in the working directory, or --config FILE): the global options'
/// values, OPENAI_BASE_URL's, the models' token prices and how to call each model. Every value is optional; a flag beats an environment variable, which beats the file.
/// Never a secret: the file is refused when it holds one (<see cref="SettingsFile"/>).
/// </summary>
internal sealed record ToolSettings
{
    /// <summary>The file read when --config is not given, in the working directory.</summary>
    public const string DefaultFileName = "memalign.json";

    /// <summary>No file.</summary>
    public static ToolSettings None { get; } = new();

    /// <summary>The file, as messages name it; null when there is none.</summary>
    public string? File { get; init; }

    /// <summary>The store (a SQLite path, resolved against the file's folder, or a PostgreSQL connection string without a password).</summary>
    public string? Store { get; init; }

    public string? Experiment { get; init; }

    public string? Model { get; init; }

    /// <summary>As OPENAI_BASE_URL, without credentials.</summary>
    public string? BaseUrl { get; init; }

    public bool? Json { get; init; }

    public bool? Verbose { get; init; }

    /// <summary>Token prices per million by model id (case-insensitive), for the cost lines of evaluate; empty when the file sets none.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Prices { get; init; } = new Dictionary<string, ModelPrice>();

    /// <summary>How to call each model, by model id without its provider (case-insensitive); empty when the file sets none.</summary>
    public IReadOnlyDictionary<string, ModelSettings> Models { get; init; } = new Dictionary<string, ModelSettings>();
}
