using MemAlign.Storage;

namespace MemAlign.Cli.Json;

/// <summary><c>memalign forget --json</c>: what was removed, everywhere, and what the backend guarantees about erasure.</summary>
/// <param name="Traces">Traces forgotten.</param>
/// <param name="Assessments">Their assessments removed.</param>
/// <param name="Examples">Memory examples removed, over every judge version.</param>
/// <param name="GuidelineSources">Guideline sources removed.</param>
/// <param name="GuidelinesDropped">Guidelines dropped because every source was forgotten.</param>
/// <param name="EvaluationResults">Evaluation results removed.</param>
/// <param name="RationalesWithheld">Other verdicts whose rationale drew on them and was withheld.</param>
/// <param name="LabelingQueueItems">Places in labeling sessions' queues removed.</param>
/// <param name="RunsMarked">Runs marked as computed with forgotten traces.</param>
/// <param name="Guarantee">What the backend does and does not guarantee about the erased bytes.</param>
/// <param name="Unmatched">The ids asked for that named nothing in the experiment nor in the memory files (nothing was erased for them; the command exits 1).</param>
/// <param name="MemoryFiles">The memory files under --memory-files that were rewritten (empty without the option).</param>
/// <param name="MemoryFilesNote">What forget cannot reach for files kept in version control; null without --memory-files.</param>
internal sealed record ForgetResult(int Traces, int Assessments, int Examples, int GuidelineSources, int GuidelinesDropped, int EvaluationResults, int RationalesWithheld,
    int LabelingQueueItems, int RunsMarked, string Guarantee, IReadOnlyList<string> Unmatched, IReadOnlyList<MemoryFileForgetJson> MemoryFiles, string? MemoryFilesNote) : JsonResult
{
    public static ForgetResult From(ForgetReport report, IReadOnlyList<string> unmatched, IReadOnlyList<MemoryFileForgetJson> memoryFiles, string? memoryFilesNote) =>
        new(report.Traces, report.Assessments, report.Examples, report.GuidelineSources, report.GuidelinesDropped, report.EvaluationResults, report.RationalesWithheld,
            report.LabelingQueueItems, report.RunsMarked, report.Guarantee, unmatched, memoryFiles, memoryFilesNote);
}
