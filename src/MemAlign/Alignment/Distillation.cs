namespace MemAlign.Alignment;

/// <summary>One expert record given to distillation.</summary>
internal sealed record DistillationRecord(string TraceId, FeedbackValue Value, string Rationale, IReadOnlyDictionary<string, string> Fields);

/// <summary>A batch of records to distil, with what the judge already knows.</summary>
internal sealed record DistillationBatch(JudgeDefinition Definition, IReadOnlyList<string> ExistingGuidelines, IReadOnlyList<DistillationRecord> Records)
{
    public IReadOnlyList<string> TraceIds => Records.Select(r => r.TraceId).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>What distilling one batch gave: guidelines (each citing traces of the batch), or an error.</summary>
internal sealed record DistillationOutcome(IReadOnlyList<Guideline> Guidelines, string? Error, TokenUsage Usage, int ModelCalls);

/// <summary>
/// Turns expert rationales into guidelines. The reflection-model distiller and the offline extractive
/// one both implement it; the optimizer never asks which it has.
/// </summary>
internal interface IGuidelineDistiller
{
    /// <summary>The distiller's model id, for reports.</summary>
    string Id { get; }

    /// <summary>Distils one batch. Failures are returned in <see cref="DistillationOutcome.Error"/>; only cancellation throws.</summary>
    Task<DistillationOutcome> DistillAsync(DistillationBatch batch, CancellationToken cancellationToken);
}
