using System.Runtime.InteropServices;
using System.Text.Json;

namespace MemAlign;

/// <summary>
/// A judge's memory as a JSON file (format <c>memalign-judge-memory/1</c>), to move between machines:
/// guidelines with their sources, examples with their fields, rationale and vector (little-endian float32,
/// base64), and the embedding settings. For a file to review and compile into a judge, use
/// <see cref="JudgeMemoryFile"/> (format 2: no vectors, the judge's name and the rubric it was aligned for). Reading it back makes no model
/// or embedding call; <c>judge.WithMemory(memory, embedder)</c> gives a judge of the same type with it.
/// </summary>
public static class JudgeMemoryJson
{
    /// <summary>The format written, checked when read.</summary>
    public const string Format = "memalign-judge-memory/1";

    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>Writes <paramref name="memory"/> to <paramref name="stream"/>.</summary>
    public static async Task WriteAsync(JudgeMemory memory, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(stream);
        await using var writer = new Utf8JsonWriter(stream, Indented);
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteString("embedding_model", memory.EmbeddingModelId);
        writer.WriteNumber("embedding_dimensions", memory.EmbeddingDimensions);
        writer.WriteNumber("retrieval_k", memory.RetrievalK);
        writer.WriteStartArray("guidelines");
        foreach (var guideline in memory.Guidelines)
        {
            writer.WriteStartObject();
            writer.WriteString("text", guideline.Text);
            writer.WriteStartArray("sources");
            foreach (var source in guideline.SourceTraceIds)
            {
                writer.WriteStringValue(source);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("examples");
        foreach (var example in memory.Examples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.WriteStartObject();
            writer.WriteString("id", example.Id);
            writer.WriteString("trace_id", example.TraceId);
            writer.WritePropertyName("value");
            example.Value.WriteTo(writer);
            writer.WriteString("rationale", example.Rationale);
            writer.WriteStartObject("fields");
            foreach (var (name, text) in example.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, text);
            }

            writer.WriteEndObject();
            writer.WriteString("embedded_field", example.EmbeddedField);
            writer.WriteBase64String("vector", MemoryMarshal.AsBytes(example.Vector.Span));
            writer.WriteString("fingerprint", example.Fingerprint);
            writer.WriteBoolean("distilled", example.IsDistilled);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a memory written by <see cref="WriteAsync(JudgeMemory, Stream, CancellationToken)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a memory file of this format; the message says what is wrong.</exception>
    public static async Task<JudgeMemory> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a judge memory file: the JSON is not valid ({e.Message}).", e);
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
            {
                throw new InvalidDataException($"Not a judge memory file of format {Format}: {e.Message}", e);
            }
        }
    }

    /// <summary>Writes <paramref name="memory"/> to the file at <paramref name="path"/>, replacing it.</summary>
    public static async Task SaveAsync(JudgeMemory memory, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await WriteAsync(memory, stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the memory file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a memory file; the message names it and says what is wrong.</exception>
    public static async Task<JudgeMemory> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}", e);
            }
        }
    }

    private static JudgeMemory Read(JsonElement root)
    {
        var format = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (format != Format)
        {
            throw new FormatException(format == JudgeMemoryFile.Format
                ? $"\"format\" must be \"{Format}\"; this is a {JudgeMemoryFile.Format} file (no vectors): read it with JudgeMemoryFile.LoadAsync."
                : $"\"format\" must be \"{Format}\".");
        }

        var guidelines = root.GetProperty("guidelines").EnumerateArray()
            .Select(g => new Guideline(g.GetProperty("text").GetString()!, g.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToList()))
            .ToList();
        var examples = root.GetProperty("examples").EnumerateArray().Select(e => new EpisodicExample(
            e.GetProperty("id").GetString()!,
            e.GetProperty("trace_id").GetString()!,
            FeedbackValue.FromJson(e.GetProperty("value")),
            e.GetProperty("rationale").GetString(),
            e.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString()!, StringComparer.Ordinal),
            e.GetProperty("embedded_field").GetString()!,
            MemoryMarshal.Cast<byte, float>(e.GetProperty("vector").GetBytesFromBase64()).ToArray(),
            e.GetProperty("fingerprint").GetString()!,
            e.GetProperty("distilled").GetBoolean())).ToList();
        return new JudgeMemory(guidelines, examples, root.GetProperty("embedding_model").GetString()!,
            root.GetProperty("embedding_dimensions").GetInt32(), root.GetProperty("retrieval_k").GetInt32());
    }
}
