namespace MemAlign.Storage;

/// <summary>What <see cref="IForgetting.ForgetAsync"/> removed or changed, and what the erasure guarantees.</summary>
public sealed record ForgetReport
{
    /// <summary>Traces removed.</summary>
    public int Traces { get; init; }

    /// <summary>Assessments removed.</summary>
    public int Assessments { get; init; }

    /// <summary>Episodic examples removed, across every judge version.</summary>
    public int Examples { get; init; }

    /// <summary>Guideline sources removed, across every judge version.</summary>
    public int GuidelineSources { get; init; }

    /// <summary>
    /// Distilled guidelines dropped because they drew on a forgotten trace (their text could repeat its
    /// rationale); user-written guidelines stay. The examples they also drew on are marked for distillation
    /// again, so the next align writes guidelines from what remains.
    /// </summary>
    public int GuidelinesDropped { get; init; }

    /// <summary>Evaluation results of the forgotten traces removed.</summary>
    public int EvaluationResults { get; init; }

    /// <summary>Other traces' results whose rationale was withheld because the verdict drew on a forgotten trace's example.</summary>
    public int RationalesWithheld { get; init; }

    /// <summary>Places of the forgotten traces in labeling sessions' queues, removed.</summary>
    public int LabelingQueueItems { get; init; }

    /// <summary>
    /// Runs whose records named a forgotten trace (an experiment's folds or most disagreed traces): the trace left
    /// them, and their <see cref="Evaluation.EvaluationRun.ForgottenTraces"/> went up.
    /// </summary>
    public int RunsMarked { get; init; }

    /// <summary>
    /// The ids asked for that named nothing in the experiment (no trace, label, example, verdict or record of a run, and no
    /// earlier forgetting): a typo, or an id stored otherwise (with spaces, another case). Nothing was erased for them.
    /// </summary>
    public IReadOnlyList<string> UnmatchedTraceIds { get; init; } = [];

    /// <summary>What the backend guarantees about the erased data, and what it cannot (logs, backups, replicas).</summary>
    public string Guarantee { get; init; } = "";
}
