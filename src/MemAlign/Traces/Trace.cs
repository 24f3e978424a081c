using System.Buffers;
using System.Collections.ObjectModel;
using System.Text.Json;

namespace MemAlign;

/// <summary>
/// One recorded interaction with the application under evaluation: its inputs, outputs and optional
/// expectations (any JSON), tags, metadata, and the assessments made of it. Immutable.
/// </summary>
public sealed class Trace
{
    private static readonly IReadOnlyDictionary<string, string> NoStrings = ReadOnlyDictionary<string, string>.Empty;

    private string? _contentFingerprint;

    /// <summary>Creates a trace.</summary>
    /// <param name="id">A unique, non-blank id.</param>
    /// <exception cref="ArgumentException">The id is blank.</exception>
    public Trace(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The trace's unique id.</summary>
    public string Id { get; }

    /// <summary>What the application was asked (a string, an object or a message list), if recorded.</summary>
    public JsonElement? Inputs { get; init; }

    /// <summary>What the application answered, if recorded.</summary>
    public JsonElement? Outputs { get; init; }

    /// <summary>The expected answer or facts, if known.</summary>
    public JsonElement? Expectations { get; init; }

    /// <summary>Tags, such as <c>eval=complete</c>.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = NoStrings;

    /// <summary>Free-form metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = NoStrings;

    /// <summary>The assessments made of this trace, by humans, judges or code.</summary>
    public IReadOnlyList<Assessment> Assessments { get; init; } = [];

    /// <summary>When the interaction happened.</summary>
    public DateTimeOffset CreatedAt { get; init; } = SystemClock.Default.GetUtcNow();

    /// <summary>
    /// A fingerprint of what the trace records (inputs, outputs and expectations, as compact JSON): equal
    /// for equal content, whatever the formatting it was read from. An assessment remembers the fingerprint
    /// of the content it rated (<see cref="Assessment.RatedContent"/>).
    /// </summary>
    public string ContentFingerprint => _contentFingerprint ??= Fingerprint(Inputs, Outputs, Expectations);

    /// <summary>Whether this trace was found storable (<see cref="Storage.StorableText"/>): immutable, it stays so.</summary>
    internal bool KnownStorable { get; set; }

    /// <summary>
    /// Creates a trace from plain values: strings become JSON strings, other objects are serialized
    /// with <see cref="JsonSerializer"/>.
    /// </summary>
    public static Trace Create(string id, object? inputs, object? outputs, object? expectations = null) => new(id)
    {
        Inputs = ToJson(inputs),
        Outputs = ToJson(outputs),
        Expectations = ToJson(expectations),
    };

    /// <summary>
    /// Refuses a trace no store can keep (a NUL character, which PostgreSQL cannot store in text), so every store
    /// refuses it the same way before writing anything, and the importer reports it as a line error. For implementers
    /// of <see cref="Storage.ITraceStore"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The trace holds a NUL character; the message names the trace and where.</exception>
    public void EnsureStorable() => Storage.StorableText.Check(this);

    /// <summary>
    /// A copy of this trace with one more assessment. Its id, unless given, becomes <see cref="Assessment.StableId"/>
    /// (trace, name, source); an assessment of the trace with the same id is replaced.
    /// </summary>
    public Trace WithAssessment(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        // A generated id becomes the stable one, so results do not depend on random ids; an assessment with
        // the same id (the same reviewer's label again) replaces the earlier one, as stores keep one per reviewer.
        var added = assessment.HasGeneratedId ? assessment with { Id = Assessment.StableId(Id, assessment.Name, assessment.Source) } : assessment;
        return With(assessments: [.. Assessments.Where(a => a.Id != added.Id), added]);
    }

    /// <summary>A copy of this trace with one more tag (replacing a tag of the same key).</summary>
    public Trace WithTag(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        var tags = new Dictionary<string, string>(Tags, StringComparer.Ordinal) { [key] = value };
        return With(tags: tags.AsReadOnly());
    }

    /// <summary>The value of a trace field by its template variable name, or <see langword="null"/> when the trace lacks it.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="TraceField"/>'s.</exception>
    public JsonElement? GetField(string field) => field switch
    {
        TraceField.Inputs => Inputs,
        TraceField.Outputs => Outputs,
        TraceField.Expectations => Expectations,
        TraceField.Trace => ToJson(new Dictionary<string, object?>
        {
            ["trace_id"] = Id,
            [TraceField.Inputs] = Inputs,
            [TraceField.Outputs] = Outputs,
            [TraceField.Expectations] = Expectations,
            ["tags"] = Tags,
        }),
        TraceField.Conversation => ToJson(ConversationTurns(this)),
        _ => throw new ArgumentException($"\"{field}\" is not a trace field; use one of {nameof(TraceField)}'s names.", nameof(field)),
    };

    // A single trace reads as one exchange: the user's inputs, then the assistant's outputs. A
    // recorded message list in the inputs is used as it is.
    private static List<object?> ConversationTurns(Trace trace)
    {
        var turns = new List<object?>();
        if (trace.Inputs is { ValueKind: JsonValueKind.Array } messages)
        {
            turns.AddRange(messages.EnumerateArray().Select(m => (object?)m));
        }
        else if (trace.Inputs is { } inputs)
        {
            turns.Add(new Dictionary<string, object?> { ["role"] = "user", ["content"] = inputs });
        }

        if (trace.Outputs is { } outputs)
        {
            turns.Add(new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = outputs });
        }

        return turns;
    }

    internal Trace With(IReadOnlyList<Assessment>? assessments = null, IReadOnlyDictionary<string, string>? tags = null) => new(Id)
    {
        Inputs = Inputs,
        Outputs = Outputs,
        Expectations = Expectations,
        Tags = tags ?? Tags,
        Metadata = Metadata,
        Assessments = assessments ?? Assessments,
        CreatedAt = CreatedAt,
    };

    private static JsonElement? ToJson(object? value) => value switch
    {
        null => null,
        JsonElement element => element,
        _ => JsonSerializer.SerializeToElement(value),
    };

    // SHA-256 of each field as compact JSON ("-" when absent), each followed by a line feed: written as UTF-8 straight into one
    // buffer (the bytes JsonSerializer.Serialize would give), so fingerprinting an import costs no intermediate strings. The buffer
    // and writer are kept per thread: an import fingerprints every trace, and a fresh pair each time was a kilobyte of garbage per trace.
    private static string Fingerprint(JsonElement? inputs, JsonElement? outputs, JsonElement? expectations)
    {
        var scratch = FingerprintScratch.Take();
        Write(inputs);
        Write(outputs);
        Write(expectations);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(scratch.Bytes.WrittenSpan, hash);
        FingerprintScratch.Return(scratch);
        return Convert.ToHexString(hash[..16]);

        void Write(JsonElement? field)
        {
            if (field is { } value)
            {
                value.WriteTo(scratch.Writer);
                scratch.Writer.Flush();
                scratch.Writer.Reset();
            }
            else
            {
                scratch.Bytes.Write("-"u8);
            }

            scratch.Bytes.Write("\n"u8);
        }
    }

    /// <summary>A buffer and a JSON writer onto it, one per thread, for <see cref="Fingerprint"/>.</summary>
    private sealed class FingerprintScratch
    {
        // A trace with very large content leaves a large buffer: it is dropped rather than kept for the thread's life.
        private const int KeptCapacity = 64 * 1024;

        [ThreadStatic]
        private static FingerprintScratch? ThreadScratch;

        private FingerprintScratch() => Writer = new Utf8JsonWriter(Bytes);

        public ArrayBufferWriter<byte> Bytes { get; } = new(256);

        public Utf8JsonWriter Writer { get; }

        public static FingerprintScratch Take()
        {
            var scratch = ThreadScratch ?? new FingerprintScratch();
            ThreadScratch = null; // taken: a nested use on this thread gets its own
            scratch.Bytes.ResetWrittenCount();
            return scratch;
        }

        public static void Return(FingerprintScratch scratch)
        {
            if (scratch.Bytes.Capacity <= KeptCapacity)
            {
                ThreadScratch = scratch;
            }
        }
    }
}
