namespace MemAlign.Labeling;

/// <summary>In which order a labeling session offers its traces.</summary>
public enum LabelingOrder
{
    /// <summary>Where the judge is least sure first: the lowest confidence, or where the judge and its episodic memory disagree.</summary>
    Uncertain,

    /// <summary>A seeded shuffle.</summary>
    Random,

    /// <summary>Where the reviewers' labels so far disagree most first, then the rest in stored order.</summary>
    Disagreement,
}

/// <summary>When the labeling app shows reviewers the judge's verdict on a trace (and the examples it recalled).</summary>
public enum JudgeVisibility
{
    /// <summary>Only after the reviewer has labelled the trace, as feedback: labels are given blind (the default).</summary>
    AfterLabel,

    /// <summary>Before the reviewer labels: faster, but labels anchor on the judge, so agreement figures leave them out unless asked.</summary>
    BeforeLabel,

    /// <summary>Never.</summary>
    Never,
}

/// <summary>
/// A labeling session: a fixed queue of stored traces that reviewers label for one judge, in the judge's label
/// schema. The labels themselves are HUMAN assessments named after the judge, with the reviewer as source id,
/// kept with the traces like any other feedback (so align and experiment use them at once); the session keeps
/// only the queue and who may label.
/// </summary>
public sealed record LabelingSession
{
    /// <summary>The session's name, unique in its experiment.</summary>
    public required string Name { get; init; }

    /// <summary>The experiment whose traces it labels.</summary>
    public required string Experiment { get; init; }

    /// <summary>The judge the labels are for (their assessment name).</summary>
    public required string JudgeName { get; init; }

    /// <summary>The trace filter it was created with, as text, for people.</summary>
    public string? Filter { get; init; }

    /// <summary>The reviewers, by the id their labels carry; empty when anyone holding the session's link may label.</summary>
    public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>How many reviewers should label each trace (1 to 3).</summary>
    public int LabelsPerTrace { get; init; } = 1;

    /// <summary>The order of <see cref="TraceIds"/>.</summary>
    public LabelingOrder Order { get; init; } = LabelingOrder.Uncertain;

    /// <summary>The queue: the traces to label, in the order they are offered.</summary>
    public IReadOnlyList<string> TraceIds { get; init; } = [];

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// When reviewers see the judge's verdict: by default only after their own label, so that the labels a judge is aligned to
    /// and measured against are given blind. Each label records whether the verdict had been shown (<see cref="Assessment.JudgeShown"/>).
    /// </summary>
    public JudgeVisibility ShowJudge { get; init; } = JudgeVisibility.AfterLabel;

    /// <summary>Checks the session is complete and consistent.</summary>
    /// <exception cref="ArgumentException">A blank name, experiment or judge, a reviewer given twice or blank, or a count outside 1 to 3.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(Experiment);
        ArgumentException.ThrowIfNullOrWhiteSpace(JudgeName);
        if (LabelsPerTrace is < 1 or > 3)
        {
            throw new ArgumentException($"Labeling session '{Name}': {LabelsPerTrace} labels per trace; it must be 1, 2 or 3.", nameof(LabelsPerTrace));
        }

        if (Reviewers.Any(string.IsNullOrWhiteSpace) || Reviewers.Distinct(StringComparer.Ordinal).Count() != Reviewers.Count)
        {
            throw new ArgumentException($"Labeling session '{Name}': every reviewer must be named, once.", nameof(Reviewers));
        }

        if (Reviewers.Count > 0 && LabelsPerTrace > Reviewers.Count)
        {
            throw new ArgumentException(
                $"Labeling session '{Name}' wants {LabelsPerTrace} labels per trace from {Reviewers.Count} reviewer(s); name at least {LabelsPerTrace}.", nameof(LabelsPerTrace));
        }

        if (TraceIds.Distinct(StringComparer.Ordinal).Count() != TraceIds.Count)
        {
            throw new ArgumentException($"Labeling session '{Name}' lists a trace twice.", nameof(TraceIds));
        }
    }
}
