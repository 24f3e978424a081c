using System.Text.Json;

namespace MemAlign.Labeling;

// What the page's script receives and sends, as JSON. Every text is data for textContent, except the fields
// named Html, which SafeMarkdown made.

/// <summary>Who is labelling what (no one, for the operator: <paramref name="Reviewer"/> is null), and how the question reads.</summary>
/// <param name="Reviewer">Who labels; <see langword="null"/> for the operator.</param>
/// <param name="Session">The session's name.</param>
/// <param name="Judge">The judge the labels are for.</param>
/// <param name="LabelsPerTrace">How many labels each trace needs.</param>
/// <param name="Schema">The label schema.</param>
/// <param name="Antiforgery">The antiforgery token every write carries, in the header <paramref name="AntiforgeryHeader"/>.</param>
/// <param name="AntiforgeryHeader">The header's name (the host's antiforgery options say it).</param>
/// <param name="ShowJudge">When the judge's verdict is shown: after (the reviewer's own label), before, or never.</param>
/// <param name="HasJudge">Whether this server has a judge to show (without one, a label moves straight on).</param>
internal sealed record SessionView(string? Reviewer, string Session, string Judge, int LabelsPerTrace, SchemaView Schema, string Antiforgery, string AntiforgeryHeader, string ShowJudge,
    bool HasJudge);

/// <summary>The label schema as the page needs it.</summary>
/// <param name="Kind">boolean, integer, number, categorical or text.</param>
/// <param name="Minimum">The scale's lower bound (numbers).</param>
/// <param name="Maximum">The scale's upper bound (numbers).</param>
/// <param name="Options">The categories (categorical).</param>
/// <param name="Title">The question.</param>
/// <param name="InstructionHtml">The instruction, as sanitized Markdown.</param>
/// <param name="Comment">none, optional or required.</param>
/// <param name="NotApplicable">The scale's "not applicable" value, offered as a choice of its own; null when it has none.</param>
internal sealed record SchemaView(string Kind, double? Minimum, double? Maximum, IReadOnlyList<string> Options, string Title, string? InstructionHtml, string Comment,
    double? NotApplicable = null);

/// <summary>One trace of the queue, ready to show.</summary>
internal sealed record ItemView(
    string TraceId, int Position, int Total, string? Previous, string? Next,
    IReadOnlyList<FieldView> Fields, VerdictView? Verdict, LabelView? MyLabel, int Labels, bool Full, ProgressView Progress, PairView? Pair = null);

/// <summary>
/// A pairwise trace's two candidates as this reviewer sees them, side by side: <paramref name="A"/> on the left, <paramref name="B"/>
/// on the right, in an order drawn per reviewer and item; labels, the judge's verdict and choices use these names.
/// </summary>
internal sealed record PairView(FieldView A, FieldView B);

/// <summary>One of a trace's inputs, outputs or expectations.</summary>
/// <param name="Name">Inputs, Outputs or Expectations.</param>
/// <param name="Html">A text value as sanitized Markdown; <see langword="null"/> for JSON.</param>
/// <param name="Json">Any other value, pretty-printed, to show as text.</param>
/// <param name="Long">Whether it is long enough to fold.</param>
/// <param name="Summary">Its first words, for the folded view.</param>
internal sealed record FieldView(string Name, string? Html, string? Json, bool Long, string Summary);

/// <summary>The judge's verdict: a value and rationale, or why there is none.</summary>
internal sealed record VerdictView(string? Value, string? Rationale, double? Confidence, string? Error, IReadOnlyList<ExampleView> Examples);

/// <summary>An episodic example the verdict retrieved: its trace, and what the experts said about it.</summary>
internal sealed record ExampleView(string TraceId, string Summary, IReadOnlyList<string> Labels);

/// <summary>The reviewer's own label on the item, and a note when the A and B of its comment are not the ones they see (text, never HTML).</summary>
internal sealed record LabelView(FeedbackValue Value, string? Comment, string? CommentNote = null);

/// <summary>The reviewer's progress through the session.</summary>
internal sealed record ProgressView(int Labelled, int Remaining);

/// <summary>Where to go after a submission, skip or undo: a trace, or none when the reviewer is done.</summary>
internal sealed record NextView(string? TraceId);

/// <summary>A label as the page sends it.</summary>
internal sealed record LabelRequest(JsonElement Value, string? Comment);

/// <summary>Why a request was refused, for people.</summary>
internal sealed record ProblemView(string Error);
