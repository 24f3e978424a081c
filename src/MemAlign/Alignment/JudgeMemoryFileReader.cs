using System.Globalization;
using System.Text.Json;
using MemAlign.Rubrics;
using static MemAlign.Alignment.MemoryFileContract;

namespace MemAlign.Alignment;

/// <summary>
/// Reads a <c>memalign-judge-memory/2</c> file strictly: every problem is reported at its line and column,
/// unknown properties included (a misspelt one would otherwise be silently ignored).
/// </summary>
internal sealed class JudgeMemoryFileReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    private readonly byte[] _utf8;
    private readonly string? _filePath;

    private JudgeMemoryFileReader(byte[] utf8, string? filePath)
    {
        _utf8 = utf8;
        _filePath = filePath;
    }

    public static JudgeMemoryFile Read(ReadOnlySpan<byte> utf8, string? filePath)
    {
        // A byte order mark is tolerated when reading; the writer never writes one.
        var bytes = utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8[3..].ToArray() : utf8.ToArray();
        return new JudgeMemoryFileReader(bytes, filePath).Read();
    }

    private JudgeMemoryFile Read()
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(_utf8, Options);
        }
        catch (JsonException e)
        {
            // JsonException counts lines and bytes from 0.
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = e.BytePositionInLine is { } b ? ColumnOfByte(line, (int)b) : (int?)null;
            throw new JudgeMemoryFileException(_filePath, line, column, $"the JSON is not valid: {Plain(e.Message)}", e);
        }

        using (document)
        {
            return ReadRoot(document.RootElement);
        }
    }

    private JudgeMemoryFile ReadRoot(JsonElement root)
    {
        Object(root, []);
        var format = root.TryGetProperty(FormatProperty, out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : null;
        if (format != Format)
        {
            var reason = format switch
            {
                null => $"not a judge memory file: it has no \"{FormatProperty}\": \"{Format}\".",
                "memalign-judge-memory/1" => $"format {format} is the older format with vectors: read it with JudgeMemoryJson and export it again to get {Format}.",
                _ when format.StartsWith(FormatPrefix, StringComparison.Ordinal) => $"unknown format version '{format}': this MemAlign reads {Format}; update MemAlign or export the file again.",
                _ => $"not a judge memory file: \"{FormatProperty}\" is '{format}', expected '{Format}'.",
            };
            throw Fail([FormatProperty], reason);
        }

        Only(root, [], FormatProperty, JudgeProperty, VersionProperty, AlignedForProperty, EmbeddingProperty, RetrievalKProperty, GuidelinesProperty, ExamplesProperty);
        var judge = Text(root, [], JudgeProperty);
        if (!NameRules.IsSnakeCase(judge))
        {
            throw Fail([JudgeProperty], $"the judge name '{judge}' is not lower_snake_case.");
        }

        int? version = root.TryGetProperty(VersionProperty, out _) ? Integer(root, [], VersionProperty, minimum: 1) : null;

        var alignedFor = Property(root, [], AlignedForProperty);
        Object(alignedFor, [AlignedForProperty]);
        Only(alignedFor, [AlignedForProperty], RubricHashProperty, ValueProperty);
        var hash = Text(alignedFor, [AlignedForProperty], RubricHashProperty);
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            throw Fail([AlignedForProperty, RubricHashProperty], "the rubric hash must be 64 lowercase hex digits (SHA-256).");
        }

        var valueType = ReadValueType(Property(alignedFor, [AlignedForProperty], ValueProperty), [AlignedForProperty, ValueProperty]);

        var embedding = Property(root, [], EmbeddingProperty);
        Object(embedding, [EmbeddingProperty]);
        Only(embedding, [EmbeddingProperty], ModelProperty, DimensionsProperty);
        var model = Text(embedding, [EmbeddingProperty], ModelProperty);
        var dimensions = Integer(embedding, [EmbeddingProperty], DimensionsProperty, minimum: 1);
        var k = Integer(root, [], RetrievalKProperty, minimum: 1);

        var guidelines = new List<Guideline>();
        var guidelineArray = Array(root, [], GuidelinesProperty);
        var i = 0;
        foreach (var g in guidelineArray.EnumerateArray())
        {
            object[] at = [GuidelinesProperty, i++];
            Object(g, at);
            Only(g, at, TextProperty, SourcesProperty);
            var text = Text(g, at, TextProperty);
            var sources = Strings(g, at, SourcesProperty);
            guidelines.Add(new Guideline(text, sources));
        }

        var examples = new List<EpisodicExample>();
        var seen = new HashSet<(string, string)>();
        i = 0;
        foreach (var e in Array(root, [], ExamplesProperty).EnumerateArray())
        {
            object[] at = [ExamplesProperty, i++];
            var example = ReadExample(e, at, valueType);
            if (!seen.Add((example.TraceId, example.Id)))
            {
                throw Fail(at, $"example '{example.Id}' of trace '{example.TraceId}' appears twice.");
            }

            examples.Add(example);
        }

        return new JudgeMemoryFile(judge, version, hash, valueType, model, dimensions, k, guidelines, examples, _filePath);
    }

    // The scale's optional "not applicable" value (absent in files of judges without one).
    private FeedbackValueType WithNotApplicable(FeedbackValueType scale, JsonElement value, object[] at)
    {
        if (!value.TryGetProperty(NotApplicableProperty, out _))
        {
            return scale;
        }

        var notApplicable = Number(value, at, NotApplicableProperty);
        return NotApplicableRule.Problem(scale.Kind, scale.Minimum!.Value, scale.Maximum!.Value, notApplicable) is { } problem
            ? throw Fail([.. at, NotApplicableProperty], problem)
            : scale.WithNotApplicable(notApplicable);
    }

    private FeedbackValueType ReadValueType(JsonElement value, object[] at)
    {
        Object(value, at);
        var kindName = Text(value, at, KindProperty);
        var kind = ParseKind(kindName) ?? throw Fail([.. at, KindProperty], $"unknown value kind '{kindName}': expected boolean, integer, number, categorical or text.");
        try
        {
            switch (kind)
            {
                case FeedbackTypeKind.Integer:
                    Only(value, at, KindProperty, MinimumProperty, MaximumProperty, NotApplicableProperty);
                    return WithNotApplicable(FeedbackValueType.Integer(Integer(value, at, MinimumProperty, int.MinValue), Integer(value, at, MaximumProperty, int.MinValue)), value, at);
                case FeedbackTypeKind.Number:
                    Only(value, at, KindProperty, MinimumProperty, MaximumProperty, NotApplicableProperty);
                    return WithNotApplicable(FeedbackValueType.Number(Number(value, at, MinimumProperty), Number(value, at, MaximumProperty)), value, at);
                case FeedbackTypeKind.Categorical:
                    Only(value, at, KindProperty, OptionsProperty);
                    return FeedbackValueType.Categorical(Strings(value, at, OptionsProperty));
                case FeedbackTypeKind.Boolean:
                    Only(value, at, KindProperty);
                    return FeedbackValueType.Boolean;
                default:
                    Only(value, at, KindProperty);
                    return FeedbackValueType.Text;
            }
        }
        catch (ArgumentException e)
        {
            throw Fail(at, $"the value type is not valid: {e.Message}");
        }
    }

    private EpisodicExample ReadExample(JsonElement e, object[] at, FeedbackValueType valueType)
    {
        Object(e, at);
        Only(e, at, TraceIdProperty, IdProperty, ValueProperty, RationaleProperty, ReviewerProperty, ReviewersProperty, WeightProperty, EmbeddedFieldProperty, FieldsProperty, FingerprintProperty, DistilledProperty);
        var traceId = Text(e, at, TraceIdProperty);
        var id = Text(e, at, IdProperty);
        var rawValue = Property(e, at, ValueProperty);
        FeedbackValue raw;
        try
        {
            raw = FeedbackValue.FromJson(rawValue);
        }
        catch (FormatException x)
        {
            throw Fail([.. at, ValueProperty], x.Message);
        }

        // Strict: the file holds canonical values (true, 4, "Good"), so the generator and the runtime agree on them.
        if (!valueType.TryNormalize(raw, out var value, out var error) || !value.Equals(raw))
        {
            throw Fail([.. at, ValueProperty], $"example '{id}' (trace '{traceId}') has the value {rawValue.GetRawText()}, which the judge's {valueType} does not allow{error ?? $"; write {value}"}");
        }

        var rationale = e.TryGetProperty(RationaleProperty, out var r) && r.ValueKind != JsonValueKind.Null ? String(r, [.. at, RationaleProperty]) : null;
        var reviewers = e.TryGetProperty(ReviewersProperty, out _) ? Strings(e, at, ReviewersProperty)
            : e.TryGetProperty(ReviewerProperty, out _) ? [Text(e, at, ReviewerProperty)] : System.Array.Empty<string>();
        var weight = e.TryGetProperty(WeightProperty, out _) ? Integer(e, at, WeightProperty, minimum: 1) : 1;
        if (ReviewersProblem(reviewers, weight, e.TryGetProperty(ReviewerProperty, out _) && e.TryGetProperty(ReviewersProperty, out _)) is { } problem)
        {
            throw Fail([.. at, e.TryGetProperty(ReviewersProperty, out _) ? ReviewersProperty : WeightProperty], problem);
        }
        var embeddedField = Text(e, at, EmbeddedFieldProperty);
        var fieldsElement = Property(e, at, FieldsProperty);
        Object(fieldsElement, [.. at, FieldsProperty]);
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fieldsElement.EnumerateObject())
        {
            fields[field.Name] = String(field.Value, [.. at, FieldsProperty, field.Name]);
        }

        if (!fields.ContainsKey(embeddedField))
        {
            throw Fail([.. at, EmbeddedFieldProperty], $"the embedded field '{embeddedField}' is not one of the example's fields ({string.Join(", ", fields.Keys)}).");
        }

        var fingerprint = String(Property(e, at, FingerprintProperty), [.. at, FingerprintProperty]);
        var distilled = Property(e, at, DistilledProperty);
        if (distilled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw Fail([.. at, DistilledProperty], $"\"{DistilledProperty}\" must be true or false.");
        }

        return new EpisodicExample(id, traceId, value, rationale, fields, embeddedField, ReadOnlyMemory<float>.Empty, fingerprint, distilled.GetBoolean(), reviewers, weight);
    }

    private void Object(JsonElement element, object[] at)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail(at, $"{Name(at)} must be an object.");
        }
    }

    private void Only(JsonElement element, object[] at, params string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Fail([.. at, property.Name], $"unknown property \"{property.Name}\" in {Name(at)} (expected {string.Join(", ", allowed.Select(a => $"\"{a}\""))}).");
            }
        }
    }

    private JsonElement Property(JsonElement element, object[] at, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw Fail(at, $"{Name(at)} has no \"{name}\".");

    private JsonElement Array(JsonElement element, object[] at, string name)
    {
        var value = Property(element, at, name);
        return value.ValueKind == JsonValueKind.Array ? value : throw Fail([.. at, name], $"\"{name}\" must be an array.");
    }

    private string Text(JsonElement element, object[] at, string name)
    {
        var text = String(Property(element, at, name), [.. at, name]);
        return !string.IsNullOrWhiteSpace(text) ? text : throw Fail([.. at, name], $"\"{name}\" must not be blank.");
    }

    private string String(JsonElement value, object[] at) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Fail(at, $"{Name(at)} must be a string.");

    private string[] Strings(JsonElement element, object[] at, string name)
    {
        var array = Array(element, at, name);
        return array.EnumerateArray().Select((s, n) => String(s, [.. at, name, n])).ToArray();
    }

    private int Integer(JsonElement element, object[] at, string name, int minimum)
    {
        var value = Property(element, at, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= minimum
            ? n
            : throw Fail([.. at, name], minimum == int.MinValue ? $"\"{name}\" must be a whole number." : $"\"{name}\" must be a whole number of at least {minimum}.");
    }

    private double Number(JsonElement element, object[] at, string name)
    {
        var value = Property(element, at, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var n) && double.IsFinite(n)
            ? n
            : throw Fail([.. at, name], $"\"{name}\" must be a finite number.");
    }

    private JudgeMemoryFileException Fail(object[] at, string reason)
    {
        var (line, column) = JsonPosition.Locate(_utf8, at);
        return new JudgeMemoryFileException(_filePath, line, column, reason);
    }

    // "examples[3].value": where a problem is, in the reader's words.
    private static string Name(object[] at) => at.Length == 0
        ? "the file"
        : "\"" + string.Concat(at.Select((p, n) => p is int i ? $"[{i.ToString(CultureInfo.InvariantCulture)}]" : n == 0 ? (string)p : "." + p)) + "\"";

    private int ColumnOfByte(int line, int byteInLine)
    {
        // The reader counts bytes; people count characters.
        var start = 0;
        for (var l = 1; l < line && start < _utf8.Length; start++)
        {
            if (_utf8[start] == (byte)'\n')
            {
                l++;
            }
        }

        return JsonPosition.LineAndColumn(_utf8.AsSpan(start), byteInLine).Column;
    }

    // System.Text.Json's message repeats the position ("LineNumber: 3 | BytePositionInLine: 7."): the exception gives it once.
    private static string Plain(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        cut = cut >= 0 ? cut : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd();
    }
}
