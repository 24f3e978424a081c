using System.Text.Json.Serialization;
using System.Text.Json;

namespace MemAlign.Cli.Json;

/// <summary>
/// What every --json document starts with: the version of the schema it follows (docs/json-output.md) and the
/// command that wrote it. Each command's document derives from it; an error is an <see cref="ErrorResult"/>.
/// </summary>
internal abstract record JsonResult
{
    /// <summary>The schema's version: raised when a field is renamed, removed or changes meaning (a new field does not raise it).</summary>
    public const int CurrentVersion = 1;

    /// <summary>The version of the schema this document follows.</summary>
    [JsonPropertyOrder(-2)]
    public int SchemaVersion { get; } = CurrentVersion;

    /// <summary>The command, such as "judges list"; null when the command line named none.</summary>
    [JsonPropertyOrder(-1)]
    public string? Command { get; init; }

    /// <summary>An enum value as the documents spell it: "TrainTest" is "train_test".</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

/// <summary>The document of a command that failed: what went wrong, instead of its result.</summary>
/// <param name="Error">What went wrong.</param>
internal sealed record ErrorResult(ErrorJson Error) : JsonResult;

/// <summary>Why a command failed.</summary>
/// <param name="Code">usage (exit 2: arguments, configuration or store), findings (exit 1: the data stopped it), cancelled (exit 1) or failure (exit 1: unexpected).</param>
/// <param name="Message">What went wrong and what to do, as standard error says it.</param>
/// <param name="ExitCode">The process's exit code.</param>
internal sealed record ErrorJson(string Code, string Message, int ExitCode)
{
    /// <summary>The arguments, the configuration or the store are wrong; the message says what to fix (exit code 2).</summary>
    public const string Usage = "usage";

    /// <summary>The data stopped the command, such as experts who disagree under --require-human-agreement (exit code 1).</summary>
    public const string Findings = "findings";

    /// <summary>Interrupted (Ctrl+C); what finished was saved (exit code 1).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>An unexpected error; --verbose shows its stack trace on standard error (exit code 1).</summary>
    public const string Failure = "failure";
}
