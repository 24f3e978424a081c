using System;
using System.Security.Cryptography;
using System.Text;

namespace MemAlign.Alignment;

/// <summary>
/// What the runtime that writes <c>*.memalign.json</c> files and the generator that compiles them in
/// must agree on: the format name, the property names, how a rubric is hashed and how a value kind is
/// spelled. Compiled into both (the generator links this file), so the two can never drift.
/// </summary>
internal static class MemoryFileContract
{
    /// <summary>The format this version writes and reads.</summary>
    public const string Format = "memalign-judge-memory/2";

    /// <summary>Every format of this family starts so; another number is an unknown version, not another file type.</summary>
    public const string FormatPrefix = "memalign-judge-memory/";

    /// <summary>The file name pattern the package picks up as AdditionalFiles.</summary>
    public const string FileSuffix = ".memalign.json";

    // Property names, in the order the canonical writer emits them.
    public const string FormatProperty = "format";
    public const string JudgeProperty = "judge";
    public const string VersionProperty = "version";
    public const string AlignedForProperty = "aligned_for";
    public const string RubricHashProperty = "rubric_sha256";
    public const string ValueProperty = "value";
    public const string KindProperty = "kind";
    public const string MinimumProperty = "min";
    public const string MaximumProperty = "max";

    // A numeric scale's "not applicable" value; written only when declared, so older files read unchanged.
    public const string NotApplicableProperty = "not_applicable";
    public const string OptionsProperty = "options";
    public const string EmbeddingProperty = "embedding";
    public const string ModelProperty = "model";
    public const string DimensionsProperty = "dimensions";
    public const string RetrievalKProperty = "retrieval_k";
    public const string GuidelinesProperty = "guidelines";
    public const string TextProperty = "text";
    public const string SourcesProperty = "sources";
    public const string ExamplesProperty = "examples";
    public const string TraceIdProperty = "trace_id";
    public const string IdProperty = "id";
    public const string RationaleProperty = "rationale";
    public const string ReviewerProperty = "reviewer";

    // One example per trace: who gave its agreeing labels (instead of "reviewer" when not exactly one label of one
    // known reviewer) and how many labels it stands for (absent when 1). Optional, so older files read unchanged.
    public const string ReviewersProperty = "reviewers";
    public const string WeightProperty = "weight";
    public const string EmbeddedFieldProperty = "embedded_field";
    public const string FieldsProperty = "fields";
    public const string FingerprintProperty = "fingerprint";
    public const string DistilledProperty = "distilled";

    /// <summary>
    /// The rubric's hash as the file records it: SHA-256 of its UTF-8 text with line endings made <c>\n</c>
    /// (a checkout on Windows must not look like a reworded rubric), lowercase hex.
    /// </summary>
    public static string RubricHash(string rubric)
    {
        var normalized = (rubric ?? throw new ArgumentNullException(nameof(rubric))).Replace("\r\n", "\n").Replace('\r', '\n');
#if MEMALIGN_GENERATOR
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(normalized));
#else
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
#endif
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    /// <summary>
    /// What is wrong with an example's reviewers and weight, or <see langword="null"/>: both readers apply this
    /// one rule. <paramref name="reviewers"/> is what "reviewer" or "reviewers" held (empty when neither).
    /// </summary>
    public static string? ReviewersProblem(System.Collections.Generic.IReadOnlyList<string> reviewers, int weight, bool both)
    {
        if (both)
        {
            return $"an example has \"{ReviewerProperty}\" or \"{ReviewersProperty}\", not both.";
        }

        for (var i = 0; i < reviewers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(reviewers[i]))
            {
                return $"\"{ReviewersProperty}\" must not hold a blank reviewer.";
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(reviewers[i], reviewers[j], StringComparison.Ordinal))
                {
                    return $"the reviewer '{reviewers[i]}' is listed twice.";
                }
            }
        }

        return weight < reviewers.Count
            ? $"\"{WeightProperty}\" is {weight}, but the example lists {reviewers.Count} reviewers: it stands for at least as many labels as reviewers."
            : null;
    }

    /// <summary>How a value kind is spelled in <c>aligned_for.value.kind</c>.</summary>
    public static string KindName(FeedbackTypeKind kind) => kind switch
    {
        FeedbackTypeKind.Boolean => "boolean",
        FeedbackTypeKind.Integer => "integer",
        FeedbackTypeKind.Number => "number",
        FeedbackTypeKind.Categorical => "categorical",
        _ => "text",
    };

    /// <summary>The kind a spelling names, or <see langword="null"/> for an unknown one.</summary>
    public static FeedbackTypeKind? ParseKind(string? name) => name switch
    {
        "boolean" => FeedbackTypeKind.Boolean,
        "integer" => FeedbackTypeKind.Integer,
        "number" => FeedbackTypeKind.Number,
        "categorical" => FeedbackTypeKind.Categorical,
        "text" => FeedbackTypeKind.Text,
        _ => null,
    };
}
