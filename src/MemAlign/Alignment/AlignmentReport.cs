namespace MemAlign;

/// <summary>What one align or unalign did and cost: the report in an <see cref="AlignedJudge{TJudge}"/> and an <see cref="AlignedMemory"/>.</summary>
public sealed record AlignmentReport
{
    /// <summary>Calls to the reflection model (distillation), retries included.</summary>
    public int ModelCalls { get; init; }

    /// <summary>Tokens the reflection model used.</summary>
    public TokenUsage Usage { get; init; }

    /// <summary>Calls to the embedding generator (each embeds a batch of texts).</summary>
    public int EmbeddingCalls { get; init; }

    /// <summary>Texts embedded.</summary>
    public int TextsEmbedded { get; init; }

    /// <summary>Examples new to memory.</summary>
    public int ExamplesAdded { get; init; }

    /// <summary>Examples whose feedback changed and were replaced.</summary>
    public int ExamplesReplaced { get; init; }

    /// <summary>Examples removed (by unalign, or replaced by fewer).</summary>
    public int ExamplesRemoved { get; init; }

    /// <summary>Examples already in memory with unchanged feedback (they cost nothing).</summary>
    public int ExamplesUnchanged { get; init; }

    /// <summary>New guidelines.</summary>
    public int GuidelinesAdded { get; init; }

    /// <summary>Distilled guidelines merged into an existing near-duplicate (their sources joined).</summary>
    public int GuidelinesMerged { get; init; }

    /// <summary>Guidelines dropped (no source left, or replaced when re-distilled).</summary>
    public int GuidelinesDropped { get; init; }

    /// <summary>Traces that gave no example, and why (no feedback, a missing field, a duplicate id).</summary>
    public IReadOnlyList<SkippedTrace> SkippedTraces { get; init; } = [];

    /// <summary>Human assessments outvoted or unreadable, and why.</summary>
    public IReadOnlyList<DiscardedAssessment> DiscardedAssessments { get; init; } = [];

    /// <summary>How the traces' human labels became one label each, by the optimizer's <see cref="MemAlign.LabelResolution"/>.</summary>
    public LabelResolutionCounts LabelResolution { get; init; } = LabelResolutionCounts.None;

    /// <summary>Distillation batches that failed; their traces stay undistilled until a later align.</summary>
    public IReadOnlyList<DistillationFailure> Failures { get; init; } = [];

    /// <summary>Wall time.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Whether every distillation batch succeeded.</summary>
    public bool IsComplete => Failures.Count == 0;

    // Semantic memory's size and budget (MemAlignOptions.MaxGuidelineTokens).

    /// <summary>Guidelines in the judge's memory afterwards.</summary>
    public int GuidelineCount { get; init; }

    /// <summary>Tokens of guideline text in the judge's memory afterwards.</summary>
    public int GuidelineTokens { get; init; }

    /// <summary>The token budget for guidelines the alignment applied (0 when none was applied).</summary>
    public int GuidelineTokenBudget { get; init; }

    /// <summary>The texts of the distilled guidelines dropped to keep within the budget (in rank order: the best-supported of them first).</summary>
    public IReadOnlyList<string> GuidelinesDroppedForBudget { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"examples +{ExamplesAdded} ~{ExamplesReplaced} -{ExamplesRemoved} ={ExamplesUnchanged}; guidelines +{GuidelinesAdded} merged {GuidelinesMerged} -{GuidelinesDropped}; "
        + $"{GuidelineCount} guideline(s), {GuidelineTokens}{(GuidelineTokenBudget > 0 ? $" of {GuidelineTokenBudget}" : "")} tokens{DroppedForBudget()}; "
        + $"{ModelCalls} model call(s), {Usage.TotalTokens} tokens, {EmbeddingCalls} embedding call(s); {Failures.Count} failed batch(es)";

    // ", 3 dropped for the budget ("first...", "second..." and 1 more)": one line however many were dropped.
    private string DroppedForBudget()
    {
        if (GuidelinesDroppedForBudget.Count == 0)
        {
            return "";
        }

        var shown = GuidelinesDroppedForBudget.Take(2).Select(t => "\"" + (t.Length > 40 ? t[..40].TrimEnd() + "..." : t).ReplaceLineEndings(" ") + "\"");
        var more = GuidelinesDroppedForBudget.Count > 2 ? $" and {GuidelinesDroppedForBudget.Count - 2} more" : "";
        return $", {GuidelinesDroppedForBudget.Count} dropped for the budget ({string.Join(", ", shown)}{more})";
    }
}

/// <summary>A trace that gave no example.</summary>
/// <param name="TraceId">The trace.</param>
/// <param name="Reason">Why.</param>
public sealed record SkippedTrace(string TraceId, string Reason);

/// <summary>A human assessment that did not become an example.</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="TraceId">Its trace.</param>
/// <param name="Reason">Why (outvoted, or a value the judge cannot take).</param>
public sealed record DiscardedAssessment(string AssessmentId, string TraceId, string Reason);

/// <summary>A distillation batch that failed.</summary>
/// <param name="TraceIds">The traces whose rationales were not distilled.</param>
/// <param name="Reason">Why.</param>
public sealed record DistillationFailure(IReadOnlyList<string> TraceIds, string Reason);
