using System.Globalization;
using System.Text.Json;

namespace MemAlign.Import;

public static partial class TraceFile
{
    /// <summary>
    /// Writes <paramref name="traces"/> as JSON Lines in the MemAlign schema that <see cref="Read(string)"/> reads
    /// back: <c>trace_id</c>, <c>inputs</c>, <c>outputs</c>, <c>expectations</c>, <c>tags</c> and every assessment
    /// with its source and time. Trace metadata is not part of the schema and is not written.
    /// </summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="traces">The traces, written in order.</param>
    /// <param name="cancellationToken">Cancels the writing (the file is then incomplete).</param>
    /// <returns>The number of traces written.</returns>
    public static async Task<int> WriteAsync(string path, IEnumerable<Trace> traces, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(traces);
        await using var file = File.Create(path);
        var count = 0;
        foreach (var trace in traces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using (var writer = new Utf8JsonWriter(file))
            {
                WriteTrace(writer, trace);
            }

            file.WriteByte((byte)'\n');
            count++;
        }

        return count;
    }

    private static void WriteTrace(Utf8JsonWriter writer, Trace trace)
    {
        writer.WriteStartObject();
        writer.WriteString("trace_id", trace.Id);
        foreach (var (name, value) in new[] { ("inputs", trace.Inputs), ("outputs", trace.Outputs), ("expectations", trace.Expectations) })
        {
            if (value is { } element)
            {
                writer.WritePropertyName(name);
                element.WriteTo(writer);
            }
        }

        if (trace.Tags.Count > 0)
        {
            writer.WriteStartObject("tags");
            foreach (var (key, value) in trace.Tags)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteStartArray("assessments");
        foreach (var assessment in trace.Assessments)
        {
            writer.WriteStartObject();
            writer.WriteString("name", assessment.Name);
            writer.WritePropertyName("value");
            assessment.Value.WriteTo(writer);
            if (assessment.Rationale is { } rationale)
            {
                writer.WriteString("rationale", rationale);
            }

            writer.WriteStartObject("source");
            writer.WriteString("type", AssessmentSource.TypeName(assessment.Source.Type));
            writer.WriteString("id", assessment.Source.Id);
            writer.WriteEndObject();
            writer.WriteString("create_time", assessment.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            if (assessment.JudgeShown is { } shown)
            {
                writer.WriteBoolean("judge_shown", shown);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
