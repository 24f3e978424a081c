using MemAlign.Storage;

namespace MemAlign.Cli.Json;

/// <summary><c>memalign align --json</c> and <c>memalign unalign --json</c>: the version registered and what changed in the memory.</summary>
internal sealed record AlignResult : JsonResult
{
    /// <summary>The judge.</summary>
    public required string Judge { get; init; }

    /// <summary>The version registered.</summary>
    public required int Version { get; init; }

    /// <summary>The version it was built on.</summary>
    public int? BaseVersion { get; init; }

    /// <summary>Guidelines in the new version's memory.</summary>
    public int Guidelines { get; init; }

    /// <summary>Examples in the new version's memory.</summary>
    public int Examples { get; init; }

    /// <summary>Reflection model calls made.</summary>
    public int ModelCalls { get; init; }

    /// <summary>Examples added.</summary>
    public int ExamplesAdded { get; init; }

    /// <summary>Examples removed.</summary>
    public int ExamplesRemoved { get; init; }

    /// <summary>Guidelines added.</summary>
    public int GuidelinesAdded { get; init; }

    /// <summary>Guidelines dropped (their sources were removed, or they were merged).</summary>
    public int GuidelinesDropped { get; init; }

    /// <summary>Tokens the guidelines take in the prompt.</summary>
    public int GuidelineTokens { get; init; }

    /// <summary>The guidelines' token budget.</summary>
    public int GuidelineTokenBudget { get; init; }

    /// <summary>Guidelines left out to stay within the budget.</summary>
    public required IReadOnlyList<string> GuidelinesDroppedForBudget { get; init; }

    /// <summary>Distillation batches that failed (exit code 1 when any).</summary>
    public int Failures { get; init; }

    /// <summary>Each failed batch: its traces and the reason.</summary>
    public required IReadOnlyList<DistillationFailureJson> FailedBatches { get; init; }

    /// <summary>Traces alignment did not use, with the reason.</summary>
    public required IReadOnlyList<SkippedTraceJson> Skipped { get; init; }

    /// <summary>Labels alignment did not use, with the reason.</summary>
    public required IReadOnlyList<DiscardedLabelJson> Discarded { get; init; }

    /// <summary>How the label rule settled traces with several labels.</summary>
    public required LabelResolutionJson LabelResolution { get; init; }

    /// <summary>The experts' agreement checked before aligning (align); null for unalign.</summary>
    public HumanAgreementCheckJson? HumanAgreement { get; init; }

    /// <summary>The memory file written with --out; null without it.</summary>
    public MemoryFileJson? MemoryFile { get; init; }

    /// <summary>The reflection model's tokens and their cost at the prices given.</summary>
    public required TokenSpendJson Usage { get; init; }

    public static AlignResult From(JudgeVersionInfo info, AlignmentReport report, HumanAgreementCheckJson? humanAgreement, MemoryFileJson? memoryFile, TokenSpend spend) => new()
    {
        Usage = TokenSpendJson.From(spend),
        Judge = info.Name, Version = info.Version, BaseVersion = info.BaseVersion, Guidelines = info.Guidelines, Examples = info.Examples, ModelCalls = report.ModelCalls,
        ExamplesAdded = report.ExamplesAdded, ExamplesRemoved = report.ExamplesRemoved, GuidelinesAdded = report.GuidelinesAdded, GuidelinesDropped = report.GuidelinesDropped,
        GuidelineTokens = report.GuidelineTokens, GuidelineTokenBudget = report.GuidelineTokenBudget, GuidelinesDroppedForBudget = report.GuidelinesDroppedForBudget,
        Failures = report.Failures.Count, FailedBatches = [.. report.Failures.Select(f => new DistillationFailureJson(f.TraceIds, f.Reason))],
        Skipped = [.. report.SkippedTraces.Select(s => new SkippedTraceJson(s.TraceId, s.Reason))],
        Discarded = [.. report.DiscardedAssessments.Select(d => new DiscardedLabelJson(d.AssessmentId, d.TraceId, d.Reason))],
        LabelResolution = LabelResolutionJson.From(report.LabelResolution), HumanAgreement = humanAgreement, MemoryFile = memoryFile,
    };
}

/// <summary>A distillation batch that failed; the next align distils it again.</summary>
/// <param name="Traces">The batch's traces.</param>
/// <param name="Reason">Why it failed.</param>
internal sealed record DistillationFailureJson(IReadOnlyList<string> Traces, string Reason);

/// <summary>A trace alignment did not use.</summary>
/// <param name="Trace">The trace.</param>
/// <param name="Reason">Why.</param>
internal sealed record SkippedTraceJson(string Trace, string Reason);

/// <summary>A label alignment did not use.</summary>
/// <param name="Assessment">The label's assessment id.</param>
/// <param name="Trace">Its trace.</param>
/// <param name="Reason">Why.</param>
internal sealed record DiscardedLabelJson(string Assessment, string Trace, string Reason);
