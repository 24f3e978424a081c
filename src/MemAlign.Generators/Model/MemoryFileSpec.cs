using System.Linq;

namespace MemAlign.Generators.Model;

/// <summary>
/// One <c>*.memalign.json</c> file as read: who it is for, what it was aligned for, each example's value and
/// where it is, its own problems (MAJ014), and the text to compile in when it has none. Equal by value, so
/// an unchanged file leaves every step after it cached.
/// </summary>
/// <param name="Path">The file's path, as the compiler was given it.</param>
/// <param name="DisplayPath">The path as messages and generated comments show it (relative to the project when known).</param>
/// <param name="JudgeName">The judge it is for, when the file names one.</param>
/// <param name="JudgeLocation">Where the judge's name is written (or the file's start).</param>
/// <param name="RubricHash">The hash of the rubric it was aligned for, when readable.</param>
/// <param name="AlignedFor">The value type it was aligned for, when readable.</param>
/// <param name="AlignedForLocation">Where <c>aligned_for</c> is (or the file's start).</param>
/// <param name="Examples">Each example's value and location.</param>
/// <param name="GuidelineCount">How many guidelines it holds.</param>
/// <param name="Json">The text to compile in (line endings made <c>\n</c>); <see langword="null"/> when the file has problems.</param>
/// <param name="Findings">Its own problems, found without looking at any judge.</param>
internal sealed record MemoryFileSpec(
    string Path,
    string DisplayPath,
    string? JudgeName,
    LocationInfo? JudgeLocation,
    string? RubricHash,
    FileValueType? AlignedFor,
    LocationInfo? AlignedForLocation,
    EquatableArray<MemoryExampleValue> Examples,
    int GuidelineCount,
    string? Json,
    EquatableArray<DiagnosticInfo> Findings)
{
    public bool IsValid => Findings.Count == 0 && Json is not null;
}

/// <summary>A value type as a memory file records it: kind, scale for numbers, options for categories.</summary>
internal sealed record FileValueType(FeedbackTypeKind Kind, double? Minimum, double? Maximum, EquatableArray<string> Options)
{
    /// <summary>The scale's "not applicable" value, if the file records one.</summary>
    public double? NotApplicable { get; init; }

    public static FileValueType Of(ValueTypeSpec spec) => new(spec.Kind, spec.Minimum, spec.Maximum, spec.Options) { NotApplicable = spec.NotApplicable };

    /// <summary>"integer 1..5", "boolean", "categorical (Good, Poor)": how messages name it.</summary>
    public string Describe() => Kind switch
    {
        FeedbackTypeKind.Integer or FeedbackTypeKind.Number => $"{MemAlign.Alignment.MemoryFileContract.KindName(Kind)} {Scale()}",
        FeedbackTypeKind.Categorical => $"categorical ({string.Join(", ", Options)})",
        _ => MemAlign.Alignment.MemoryFileContract.KindName(Kind),
    };

    /// <summary>"1..5".</summary>
    public string Scale() => $"{ValueTypeSpec.Format(Minimum)}..{ValueTypeSpec.Format(Maximum)}" + (NotApplicable is { } na ? $" (not applicable {ValueTypeSpec.Format(na)})" : "");

    /// <summary>The value type as the file writes it, for a message that says what to write.</summary>
    public string ToJson()
    {
        var kind = $"\"kind\": \"{MemAlign.Alignment.MemoryFileContract.KindName(Kind)}\"";
        return Kind switch
        {
            FeedbackTypeKind.Integer or FeedbackTypeKind.Number => $"{{ {kind}, \"min\": {ValueTypeSpec.Format(Minimum)}, \"max\": {ValueTypeSpec.Format(Maximum)}"
                + (NotApplicable is { } na ? $", \"not_applicable\": {ValueTypeSpec.Format(na)}" : "") + " }",
            FeedbackTypeKind.Categorical => $"{{ {kind}, \"options\": [{string.Join(", ", Options.Select(o => "\"" + o + "\""))}] }}",
            _ => $"{{ {kind} }}",
        };
    }
}

/// <summary>The kind of an example's JSON value.</summary>
internal enum ExampleValueKind
{
    Boolean,
    Number,
    String,
    Other,
}

/// <summary>One example's value: its JSON kind, its text (a string's value, a number as written, true/false), and where it is.</summary>
internal sealed record MemoryExampleValue(string Id, string TraceId, ExampleValueKind Kind, string Text, LocationInfo Location)
{
    /// <summary>How the value reads in a message.</summary>
    public string Display => Kind == ExampleValueKind.String ? "\"" + Text + "\"" : Text;
}

/// <summary>What the emitter compiles into a judge: the file's text and what the generated comment says of it.</summary>
internal sealed record EmbeddedMemory(string DisplayPath, string Json, int GuidelineCount, int ExampleCount);
