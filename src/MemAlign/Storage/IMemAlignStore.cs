namespace MemAlign.Storage;

/// <summary>
/// Where traces, their assessments, registered judges and evaluation results live: a SQLite file by
/// default, PostgreSQL for teams (MemAlign.PostgreSql). Everything is namespaced by experiment; the
/// <see cref="DefaultExperiment"/> always exists. Safe for concurrent use by many threads and processes.
/// </summary>
public interface IMemAlignStore : IAsyncDisposable
{
    /// <summary>The experiment used when none is named.</summary>
    const string DefaultExperiment = "default";

    /// <summary>What the store is (a file path, or a server and database), for messages; never a password.</summary>
    string Description { get; }

    /// <summary>The experiments, in order of name.</summary>
    Task<IReadOnlyList<string>> ListExperimentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the experiment if it does not exist.</summary>
    Task CreateExperimentAsync(string experiment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds or replaces traces (by id) with their tags and assessments (assessments by id), in batches,
    /// each batch all-or-nothing. Adding the same traces twice changes nothing.
    /// </summary>
    /// <returns>How many traces were written.</returns>
    Task<int> AddTracesAsync(string experiment, IEnumerable<Trace> traces, CancellationToken cancellationToken = default);

    /// <summary>One trace with its tags and assessments, or <see langword="null"/>.</summary>
    Task<Trace?> GetTraceAsync(string experiment, string traceId, CancellationToken cancellationToken = default);

    /// <summary>The traces matching <paramref name="query"/>, streamed, in order of creation then id.</summary>
    IAsyncEnumerable<Trace> SearchTracesAsync(string experiment, TraceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Sets a tag on a trace.</summary>
    /// <exception cref="KeyNotFoundException">The trace does not exist.</exception>
    Task TagTraceAsync(string experiment, string traceId, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Adds an assessment to a trace (replacing one with the same id).</summary>
    /// <exception cref="KeyNotFoundException">The trace does not exist.</exception>
    Task LogAssessmentAsync(string experiment, string traceId, Assessment assessment, CancellationToken cancellationToken = default);

    /// <summary>Changes an assessment's value and rationale; its creation time stays and its update time becomes now.</summary>
    /// <exception cref="KeyNotFoundException">The assessment does not exist.</exception>
    Task UpdateAssessmentAsync(string experiment, string assessmentId, FeedbackValue value, string? rationale, CancellationToken cancellationToken = default);

    /// <summary>Deletes an assessment.</summary>
    /// <returns>Whether it existed.</returns>
    Task<bool> DeleteAssessmentAsync(string experiment, string assessmentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers a snapshot of the judge (definition, memory, settings) as the next version of its name:
    /// 1 for a new name. Concurrent registrations of one name get distinct versions.
    /// </summary>
    Task<JudgeVersionInfo> RegisterJudgeAsync(string experiment, JudgeDefinition definition, JudgeMemory memory,
        IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default);

    /// <summary>A registered judge version (the latest when <paramref name="version"/> is omitted), or <see langword="null"/>.</summary>
    Task<RegisteredJudge?> GetJudgeAsync(string experiment, string name, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>The latest version of every registered judge, in order of name.</summary>
    Task<IReadOnlyList<JudgeVersionInfo>> ListJudgesAsync(string experiment, CancellationToken cancellationToken = default);

    /// <summary>Every version of one judge, oldest first.</summary>
    Task<IReadOnlyList<JudgeVersionInfo>> ListJudgeVersionsAsync(string experiment, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes one version of a judge, or every version when <paramref name="version"/> is omitted.</summary>
    /// <returns>How many versions were deleted.</returns>
    Task<int> DeleteJudgeAsync(string experiment, string name, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets traces: removes them, their assessments and evaluation results, every episodic example that
    /// came from them and their ids from every guideline's sources, in every judge version (a distilled
    /// guideline left with no source is dropped). The removed text is then physically erased from storage.
    /// </summary>
    Task<ForgetReport> ForgetAsync(string experiment, IEnumerable<string> traceIds, CancellationToken cancellationToken = default);

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
