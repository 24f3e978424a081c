using MemAlign.Evaluation;

namespace MemAlign.Storage;

/// <summary>
/// Evaluation runs and their per-trace results, saved as they finish so that a run can resume; and
/// experiments' reports, each saved as a run of its own.
/// </summary>
public interface IEvaluationStore
{
    /// <summary>Starts an evaluation run.</summary>
    /// <param name="experiment">The experiment it belongs to.</param>
    /// <param name="name">A name for people.</param>
    /// <param name="settings">Your own extras to record with it.</param>
    /// <param name="judgeName">The judge it runs, or <see langword="null"/> for several (each result names its own).</param>
    /// <param name="judgeVersion">The registered version of that judge, when it is a registered one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<EvaluationRun> CreateEvaluationRunAsync(string experiment, string name, IReadOnlyDictionary<string, string>? settings = null,
        string? judgeName = null, int? judgeVersion = null, CancellationToken cancellationToken = default);

    /// <summary>A run of the experiment, or <see langword="null"/> (also when the run belongs to another experiment).</summary>
    Task<EvaluationRun?> GetEvaluationRunAsync(string experiment, string runId, CancellationToken cancellationToken = default);

    /// <summary>The runs of an experiment, newest first.</summary>
    Task<IReadOnlyList<EvaluationRun>> ListEvaluationRunsAsync(string experiment, CancellationToken cancellationToken = default);

    /// <summary>The newest evaluation run (not an experiment) of one judge, or <see langword="null"/> when it has none.</summary>
    Task<EvaluationRun?> GetLatestEvaluationRunAsync(string experiment, string judgeName, CancellationToken cancellationToken = default);

    /// <summary>Records results of a run of the experiment (replacing a result for the same trace and judge).</summary>
    /// <exception cref="InvalidOperationException">The experiment has no such run.</exception>
    Task SaveEvaluationResultsAsync(string experiment, string runId, IEnumerable<EvaluationRecord> records, CancellationToken cancellationToken = default);

    /// <summary>The results of a run of the experiment, streamed, in order of trace then judge (none when the experiment has no such run).</summary>
    IAsyncEnumerable<EvaluationRecord> GetEvaluationResultsAsync(string experiment, string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a batch a run submitted, or its new state (by run, judge and batch id): saved the moment the batch
    /// exists, so that resuming the run collects it instead of submitting its rows again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The experiment has no such run.</exception>
    Task SaveEvaluationBatchAsync(string experiment, string runId, EvaluationBatch batch, CancellationToken cancellationToken = default);

    /// <summary>The batches a run of the experiment submitted, oldest first (none when the experiment has no such run).</summary>
    Task<IReadOnlyList<EvaluationBatch>> GetEvaluationBatchesAsync(string experiment, string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves an experiment's report as a new run of kind <see cref="EvaluationRunKind.Experiment"/> for the report's
    /// judge. The traces it names (its folds, the most disagreed ones) are kept with it, so forgetting one removes it from the report.
    /// </summary>
    /// <param name="experiment">The experiment it belongs to.</param>
    /// <param name="name">A name for people.</param>
    /// <param name="report">The report.</param>
    /// <param name="judgeVersion">The registered version of the judge it aligned, when it is a registered one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<EvaluationRun> SaveExperimentReportAsync(string experiment, string name, ExperimentReport report, int? judgeVersion = null, CancellationToken cancellationToken = default);

    /// <summary>The report of an experiment run, or <see langword="null"/> when the run is not an experiment (or is not one of the experiment's).</summary>
    Task<ExperimentReport?> GetExperimentReportAsync(string experiment, string runId, CancellationToken cancellationToken = default);
}
