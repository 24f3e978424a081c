using System.Text.Encodings.Web;
using System.Text.Json;
using static MemAlign.Alignment.MemoryFileContract;

namespace MemAlign.Alignment;

/// <summary>
/// Writes a <see cref="JudgeMemoryFile"/> canonically: the same file always gives the same bytes, and a
/// one-trace change gives a one-block diff.
/// </summary>
internal static class JudgeMemoryFileWriter
{
    // Two-space indents and \n on every platform; non-ASCII text stays readable in a diff (the file is
    // never embedded in HTML, the one place the relaxed escaping matters).
    private static readonly JsonWriterOptions Canonical = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(JudgeMemoryFile file)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Canonical))
        {
            writer.WriteStartObject();
            writer.WriteString(FormatProperty, Format);
            writer.WriteString(JudgeProperty, file.JudgeName);
            if (file.Version is { } version)
            {
                writer.WriteNumber(VersionProperty, version);
            }

            writer.WriteStartObject(AlignedForProperty);
            writer.WriteString(RubricHashProperty, file.RubricHash);
            WriteValueType(writer, file.ValueType);
            writer.WriteEndObject();

            writer.WriteStartObject(EmbeddingProperty);
            writer.WriteString(ModelProperty, file.EmbeddingModelId);
            writer.WriteNumber(DimensionsProperty, file.EmbeddingDimensions);
            writer.WriteEndObject();
            writer.WriteNumber(RetrievalKProperty, file.RetrievalK);

            writer.WriteStartArray(GuidelinesProperty);
            foreach (var guideline in file.Guidelines)
            {
                writer.WriteStartObject();
                writer.WriteString(TextProperty, guideline.Text);
                writer.WriteStartArray(SourcesProperty);
                foreach (var source in guideline.SourceTraceIds)
                {
                    writer.WriteStringValue(source);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();

            writer.WriteStartArray(ExamplesProperty);
            foreach (var example in file.Examples)
            {
                WriteExample(writer, example);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteValueType(Utf8JsonWriter writer, FeedbackValueType valueType)
    {
        writer.WriteStartObject(ValueProperty);
        writer.WriteString(KindProperty, KindName(valueType.Kind));
        if (valueType.Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number)
        {
            writer.WriteNumber(MinimumProperty, valueType.Minimum!.Value);
            writer.WriteNumber(MaximumProperty, valueType.Maximum!.Value);
            if (valueType.NotApplicable is { } notApplicable)
            {
                writer.WriteNumber(NotApplicableProperty, notApplicable);
            }
        }
        else if (valueType.Kind == FeedbackTypeKind.Categorical)
        {
            writer.WriteStartArray(OptionsProperty);
            foreach (var option in valueType.Options)
            {
                writer.WriteStringValue(option);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteExample(Utf8JsonWriter writer, EpisodicExample example)
    {
        writer.WriteStartObject();
        writer.WriteString(TraceIdProperty, example.TraceId);
        writer.WriteString(IdProperty, example.Id);
        writer.WritePropertyName(ValueProperty);
        example.Value.WriteTo(writer);
        if (example.Rationale is { } rationale)
        {
            writer.WriteString(RationaleProperty, rationale);
        }
        else
        {
            writer.WriteNull(RationaleProperty);
        }

        // One label of one known reviewer is written as files always were; several as a list, with their count.
        if (example.Reviewers.Count == 1 && example.Weight == 1)
        {
            writer.WriteString(ReviewerProperty, example.Reviewers[0]);
        }
        else if (example.Reviewers.Count > 0)
        {
            writer.WriteStartArray(ReviewersProperty);
            foreach (var reviewer in example.Reviewers)
            {
                writer.WriteStringValue(reviewer);
            }

            writer.WriteEndArray();
        }

        if (example.Weight != 1)
        {
            writer.WriteNumber(WeightProperty, example.Weight);
        }

        writer.WriteString(EmbeddedFieldProperty, example.EmbeddedField);
        writer.WriteStartObject(FieldsProperty);
        foreach (var (name, text) in example.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.WriteString(name, text);
        }

        writer.WriteEndObject();
        writer.WriteString(FingerprintProperty, example.Fingerprint);
        writer.WriteBoolean(DistilledProperty, example.IsDistilled);
        writer.WriteEndObject();
    }
}
