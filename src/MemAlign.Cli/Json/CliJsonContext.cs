using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text;

namespace MemAlign.Cli.Json;

/// <summary>
/// The serializer of every --json document: source-generated (no reflection), snake_case, indented, every
/// field always present (null when it has no value). Each document type is listed here, and documented in
/// docs/json-output.md (a test compares the two).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ErrorResult))]
[JsonSerializable(typeof(ImportResult))]
[JsonSerializable(typeof(JudgeListResult))]
[JsonSerializable(typeof(JudgeShowResult))]
[JsonSerializable(typeof(JudgeVersionsResult))]
[JsonSerializable(typeof(JudgeDeleteResult))]
[JsonSerializable(typeof(JudgeRegisterResult))]
[JsonSerializable(typeof(JudgeExportResult))]
[JsonSerializable(typeof(EvaluateResult))]
[JsonSerializable(typeof(EvaluationReportResult))]
[JsonSerializable(typeof(AlignResult))]
[JsonSerializable(typeof(ForgetResult))]
[JsonSerializable(typeof(ExperimentResult))]
[JsonSerializable(typeof(LabelCreateResult))]
[JsonSerializable(typeof(LabelListResult))]
[JsonSerializable(typeof(LabelStatusResult))]
[JsonSerializable(typeof(LabelServeResult))]
[JsonSerializable(typeof(LabelSimulateResult))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    // Apostrophes and plus signs as they are ("Cohen's", "+00:00"): the documents go to standard output, never into HTML.
    private static readonly JsonWriterOptions Writer = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A document as the tool prints it.</summary>
    public static string Serialize(JsonResult result)
    {
        var type = Default.GetTypeInfo(result.GetType())
            ?? throw new InvalidOperationException($"{result.GetType().Name} is not a --json document: list it in {nameof(CliJsonContext)}.");
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            JsonSerializer.Serialize(writer, result, type);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
