using MemAlign.Evaluation;

namespace MemAlign.Storage;

/// <summary>Evaluation runs and their per-trace results, saved as they finish so that a run can resume.</summary>
public interface IEvaluationStore
{
    /// <summary>Starts an evaluation run.</summary>
    Task<EvaluationRun> CreateEvaluationRunAsync(string experiment, string name, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default);

    /// <summary>A run, or <see langword="null"/>.</summary>
    Task<EvaluationRun?> GetEvaluationRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>The runs of an experiment, newest first.</summary>
    Task<IReadOnlyList<EvaluationRun>> ListEvaluationRunsAsync(string experiment, CancellationToken cancellationToken = default);

    /// <summary>Records results of a run (replacing a result for the same trace and judge).</summary>
    Task SaveEvaluationResultsAsync(string runId, IEnumerable<EvaluationRecord> records, CancellationToken cancellationToken = default);

    /// <summary>A run's results, streamed, in order of trace then judge.</summary>
    IAsyncEnumerable<EvaluationRecord> GetEvaluationResultsAsync(string runId, CancellationToken cancellationToken = default);
}
