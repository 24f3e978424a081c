using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MemAlign.Generators.Model;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis.Text;
using static MemAlign.Alignment.MemoryFileContract;

namespace MemAlign.Generators.Memory;

/// <summary>
/// Reads a <c>*.memalign.json</c> file with the runtime reader's rules (JudgeMemoryFileReader): what the build
/// accepts, the runtime loads, so a compiled-in memory never fails when the judge is constructed. The first
/// structural problem stops the reading, as at run time; every example whose value its own value type does
/// not allow is reported, each at its line.
/// </summary>
internal sealed class MemoryFileReader
{
    private readonly string _path;
    private readonly string _displayPath;
    private readonly SourceText _text;
    private readonly List<DiagnosticInfo> _findings = [];
    private readonly List<MemoryExampleValue> _examples = [];
    private string? _judge;
    private LocationInfo? _judgeLocation;
    private string? _hash;
    private FileValueType? _alignedFor;
    private LocationInfo? _alignedForLocation;
    private int _guidelines;

    private MemoryFileReader(string path, string displayPath, SourceText text)
    {
        _path = path;
        _displayPath = displayPath;
        _text = text;
    }

    public static MemoryFileSpec Read(string path, string displayPath, SourceText? text, CancellationToken cancellationToken)
    {
        var reader = new MemoryFileReader(path, displayPath, text ?? SourceText.From(""));
        if (text is null)
        {
            reader.Problem(0, 0, "the file could not be read.");
        }
        else
        {
            reader.Read(cancellationToken);
        }

        return reader.Spec();
    }

    private MemoryFileSpec Spec()
    {
        var valid = _findings.Count == 0;
        return new MemoryFileSpec(_path, _displayPath, _judge, _judgeLocation, _hash, _alignedFor, _alignedForLocation,
            new EquatableArray<MemoryExampleValue>(_examples), _guidelines,
            valid ? _text.ToString().Replace("\r\n", "\n").Replace('\r', '\n') : null,
            new EquatableArray<DiagnosticInfo>(_findings));
    }

    private void Read(CancellationToken cancellationToken)
    {
        var (root, error) = JsonTree.Parse(_text.ToString());
        if (error is not null)
        {
            Problem(error.Offset, 1, $"the JSON is not valid: {error.Message}");
            return;
        }

        try
        {
            ReadRoot(root!, cancellationToken);
        }
        catch (Stop)
        {
            // The problem is recorded; like the runtime, the reading ends at the first structural one.
        }
    }

    private void ReadRoot(JsonNode root, CancellationToken cancellationToken)
    {
        Object(root, "the file");
        var format = root.Property(FormatProperty);
        if (format is not { Kind: JsonKind.String, Text: Format })
        {
            var text = format?.Kind == JsonKind.String ? format.Text! : null;
            var reason = text switch
            {
                null => $"not a judge memory file: it has no \"{FormatProperty}\": \"{Format}\".",
                "memalign-judge-memory/1" => $"format {text} is the older format with vectors: read it with JudgeMemoryJson and export it again to get {Format}.",
                _ when text.StartsWith(FormatPrefix, StringComparison.Ordinal) => $"unknown format version '{text}': this MemAlign reads {Format}; update MemAlign or export the file again.",
                _ => $"not a judge memory file: \"{FormatProperty}\" is '{text}', expected '{Format}'.",
            };
            throw Fail(format ?? root, reason);
        }

        Only(root, "the file", FormatProperty, JudgeProperty, VersionProperty, AlignedForProperty, EmbeddingProperty, RetrievalKProperty, GuidelinesProperty, ExamplesProperty);
        var judgeNode = Property(root, "the file", JudgeProperty);
        var judge = Text(judgeNode, "\"judge\"");
        _judgeLocation = Location(judgeNode);
        if (!NameRules.IsSnakeCase(judge))
        {
            throw Fail(judgeNode, $"the judge name '{judge}' is not lower_snake_case.");
        }

        _judge = judge;
        if (root.Property(VersionProperty) is { } version)
        {
            Integer(version, "\"version\"", minimum: 1);
        }

        var alignedFor = Property(root, "the file", AlignedForProperty);
        _alignedForLocation = Location(alignedFor);
        Object(alignedFor, "\"aligned_for\"");
        Only(alignedFor, "\"aligned_for\"", RubricHashProperty, ValueProperty);
        var hashNode = Property(alignedFor, "\"aligned_for\"", RubricHashProperty);
        var hash = Text(hashNode, "\"aligned_for.rubric_sha256\"");
        if (hash.Length != 64 || !hash.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
        {
            throw Fail(hashNode, "the rubric hash must be 64 lowercase hex digits (SHA-256).");
        }

        _hash = hash;
        var valueType = ReadValueType(Property(alignedFor, "\"aligned_for\"", ValueProperty));
        _alignedFor = valueType;

        var embedding = Property(root, "the file", EmbeddingProperty);
        Object(embedding, "\"embedding\"");
        Only(embedding, "\"embedding\"", ModelProperty, DimensionsProperty);
        Text(Property(embedding, "\"embedding\"", ModelProperty), "\"embedding.model\"");
        Integer(Property(embedding, "\"embedding\"", DimensionsProperty), "\"embedding.dimensions\"", minimum: 1);
        Integer(Property(root, "the file", RetrievalKProperty), "\"retrieval_k\"", minimum: 1);

        var guidelines = Array(Property(root, "the file", GuidelinesProperty), "\"guidelines\"");
        for (var i = 0; i < guidelines.Items.Count; i++)
        {
            var at = $"\"guidelines[{i}]\"";
            var guideline = guidelines.Items[i];
            Object(guideline, at);
            Only(guideline, at, TextProperty, SourcesProperty);
            Text(Property(guideline, at, TextProperty), $"\"guidelines[{i}].text\"");
            Strings(Property(guideline, at, SourcesProperty), $"\"guidelines[{i}].sources\"");
        }

        _guidelines = guidelines.Items.Count;
        var examples = Array(Property(root, "the file", ExamplesProperty), "\"examples\"");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < examples.Items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var example = ReadExample(examples.Items[i], i, valueType);
            if (!seen.Add(example.TraceId + "\n" + example.Id))
            {
                Problem(examples.Items[i], $"example '{example.Id}' of trace '{example.TraceId}' appears twice.");
            }
        }
    }

    private FileValueType ReadValueType(JsonNode value)
    {
        const string At = "\"aligned_for.value\"";
        Object(value, At);
        var kindNode = Property(value, At, KindProperty);
        var kindName = Text(kindNode, "\"aligned_for.value.kind\"");
        var kind = ParseKind(kindName) ?? throw Fail(kindNode, $"unknown value kind '{kindName}': expected boolean, integer, number, categorical or text.");
        var none = new EquatableArray<string>([]);
        switch (kind)
        {
            case FeedbackTypeKind.Integer:
            case FeedbackTypeKind.Number:
                Only(value, At, KindProperty, MinimumProperty, MaximumProperty, NotApplicableProperty);
                var min = Property(value, At, MinimumProperty);
                var max = Property(value, At, MaximumProperty);
                var minimum = kind == FeedbackTypeKind.Integer ? Integer(min, "\"aligned_for.value.min\"", int.MinValue) : Number(min, "\"aligned_for.value.min\"");
                var maximum = kind == FeedbackTypeKind.Integer ? Integer(max, "\"aligned_for.value.max\"", int.MinValue) : Number(max, "\"aligned_for.value.max\"");
                if (minimum >= maximum)
                {
                    throw Fail(value, $"the value type is not valid: a scale's minimum must be below its maximum, but the scale was {ValueTypeSpec.Format(minimum)}..{ValueTypeSpec.Format(maximum)}.");
                }

                double? notApplicable = null;
                if (value.Property(NotApplicableProperty) is { } naNode)
                {
                    notApplicable = Number(naNode, "\"aligned_for.value.not_applicable\"");
                    if (NotApplicableRule.Problem(kind, minimum, maximum, notApplicable.Value) is { } problem)
                    {
                        throw Fail(naNode, $"the value type is not valid: {problem}.");
                    }
                }

                return new FileValueType(kind, minimum, maximum, none) { NotApplicable = notApplicable };
            case FeedbackTypeKind.Categorical:
                Only(value, At, KindProperty, OptionsProperty);
                var optionsNode = Property(value, At, OptionsProperty);
                var options = Strings(optionsNode, "\"aligned_for.value.options\"");
                if (options.Count == 0 || options.Any(string.IsNullOrWhiteSpace)
                    || options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
                {
                    throw Fail(optionsNode, "the value type is not valid: the options must be one or more, none blank or repeated (options are matched case-insensitively).");
                }

                return new FileValueType(kind, null, null, new EquatableArray<string>(options));
            default:
                Only(value, At, KindProperty);
                return new FileValueType(kind, null, null, none);
        }
    }

    private MemoryExampleValue ReadExample(JsonNode example, int index, FileValueType valueType)
    {
        var at = $"\"examples[{index}]\"";
        Object(example, at);
        Only(example, at, TraceIdProperty, IdProperty, ValueProperty, RationaleProperty, ReviewerProperty, ReviewersProperty, WeightProperty, EmbeddedFieldProperty, FieldsProperty, FingerprintProperty, DistilledProperty);
        var traceId = Text(Property(example, at, TraceIdProperty), $"\"examples[{index}].trace_id\"");
        var id = Text(Property(example, at, IdProperty), $"\"examples[{index}].id\"");
        var valueNode = Property(example, at, ValueProperty);
        var value = new MemoryExampleValue(id, traceId, valueNode.Kind switch
        {
            JsonKind.True or JsonKind.False => ExampleValueKind.Boolean,
            JsonKind.Number => ExampleValueKind.Number,
            JsonKind.String => ExampleValueKind.String,
            _ => ExampleValueKind.Other,
        }, valueNode.Kind == JsonKind.String ? valueNode.Text! : valueNode.Display(), Location(valueNode));
        if (value.Kind == ExampleValueKind.Other)
        {
            throw Fail(valueNode, $"a feedback value must be a boolean, a number or a string, not {valueNode.Display()}.");
        }

        if (MemoryChecks.Misfit(value, valueType) is { } misfit)
        {
            // The file contradicts itself; each such example is reported, and the reading goes on.
            Problem(valueNode, $"example '{id}' (trace '{traceId}') has the value {value.Display}, which the file's own value type ({valueType.Describe()}) does not allow{misfit}");
        }

        if (example.Property(RationaleProperty) is { Kind: not JsonKind.Null } rationale)
        {
            String(rationale, $"\"examples[{index}].rationale\"");
        }

        var reviewerNode = example.Property(ReviewerProperty);
        var reviewersNode = example.Property(ReviewersProperty);
        var weightNode = example.Property(WeightProperty);
        var reviewers = reviewersNode is not null ? Strings(reviewersNode, $"\"examples[{index}].reviewers\"")
            : reviewerNode is not null ? [Text(reviewerNode, $"\"examples[{index}].reviewer\"")] : new List<string>();
        var weight = weightNode is not null ? Integer(weightNode, $"\"examples[{index}].weight\"", minimum: 1) : 1;
        if (ReviewersProblem(reviewers, weight, reviewerNode is not null && reviewersNode is not null) is { } problem)
        {
            throw Fail(reviewersNode ?? weightNode ?? example, problem);
        }

        var embeddedNode = Property(example, at, EmbeddedFieldProperty);
        var embedded = Text(embeddedNode, $"\"examples[{index}].embedded_field\"");
        var fields = Property(example, at, FieldsProperty);
        Object(fields, $"\"examples[{index}].fields\"");
        foreach (var field in fields.Properties)
        {
            String(field.Value, $"\"examples[{index}].fields.{field.Key}\"");
        }

        if (fields.Property(embedded) is null)
        {
            throw Fail(embeddedNode, $"the embedded field '{embedded}' is not one of the example's fields ({string.Join(", ", fields.Properties.Select(p => p.Key).Distinct().OrderBy(k => k, StringComparer.Ordinal))}).");
        }

        String(Property(example, at, FingerprintProperty), $"\"examples[{index}].fingerprint\"");
        var distilled = Property(example, at, DistilledProperty);
        if (distilled.Kind is not (JsonKind.True or JsonKind.False))
        {
            throw Fail(distilled, $"\"{DistilledProperty}\" must be true or false.");
        }

        _examples.Add(value);
        return value;
    }

    private void Object(JsonNode node, string what)
    {
        if (node.Kind != JsonKind.Object)
        {
            throw Fail(node, $"{what} must be an object.");
        }
    }

    private JsonNode Array(JsonNode node, string what) => node.Kind == JsonKind.Array ? node : throw Fail(node, $"{what} must be an array.");

    private void Only(JsonNode node, string what, params string[] allowed)
    {
        foreach (var property in node.Properties)
        {
            if (!allowed.Contains(property.Key, StringComparer.Ordinal))
            {
                throw Fail(property.Value, $"unknown property \"{property.Key}\" in {what} (expected {string.Join(", ", allowed.Select(a => $"\"{a}\""))}).");
            }
        }
    }

    private JsonNode Property(JsonNode node, string what, string name) =>
        node.Property(name) ?? throw Fail(node, $"{what} has no \"{name}\".");

    private string String(JsonNode node, string what) => node.Kind == JsonKind.String ? node.Text! : throw Fail(node, $"{what} must be a string.");

    private string Text(JsonNode node, string what)
    {
        var text = String(node, what);
        return !string.IsNullOrWhiteSpace(text) ? text : throw Fail(node, $"{what} must not be blank.");
    }

    private List<string> Strings(JsonNode node, string what) =>
        Array(node, what).Items.Select((item, i) => String(item, $"{what.TrimEnd('"')}[{i}]\"")).ToList();

    private int Integer(JsonNode node, string what, int minimum) =>
        node.Kind == JsonKind.Number && int.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw Fail(node, minimum == int.MinValue ? $"{what} must be a whole number." : $"{what} must be a whole number of at least {minimum}.");

    private double Number(JsonNode node, string what) =>
        node.Kind == JsonKind.Number && double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && !double.IsInfinity(n) && !double.IsNaN(n)
            ? n
            : throw Fail(node, $"{what} must be a finite number.");

    private LocationInfo Location(JsonNode node) => Location(node.Start, Math.Max(1, Math.Min(node.End, _text.Length) - node.Start));

    private LocationInfo Location(int start, int length)
    {
        start = Math.Max(0, Math.Min(start, _text.Length));
        var span = new TextSpan(start, Math.Max(0, Math.Min(length, _text.Length - start)));
        return new LocationInfo(_path, span, _text.Lines.GetLinePositionSpan(span));
    }

    private void Problem(JsonNode node, string reason) => _findings.Add(MemoryChecks.Invalid(Location(node), _displayPath, reason));

    private void Problem(int start, int length, string reason) => _findings.Add(MemoryChecks.Invalid(Location(start, length), _displayPath, reason));

    private Stop Fail(JsonNode node, string reason)
    {
        Problem(node, reason);
        return new Stop();
    }

    /// <summary>Ends the reading at a structural problem (already recorded).</summary>
    private sealed class Stop : Exception;
}
