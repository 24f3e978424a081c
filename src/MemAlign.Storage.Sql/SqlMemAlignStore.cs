using MemAlign.Evaluation;

namespace MemAlign.Storage.Sql;

/// <summary>
/// The store over SQL, shared by SQLite and PostgreSQL: the same tables and statements (both accept
/// <c>@name</c> parameters, <c>ON CONFLICT</c> and <c>LIMIT</c>), with the differences in a
/// <see cref="SqlDialect"/>. Each role is its own part (traces, judge registry, evaluations, forgetting)
/// over shared plumbing; this class composes them. Every write is one transaction; readers never see half of one.
/// </summary>
public abstract class SqlMemAlignStore : IMemAlignStore
{
    private readonly SqlSession _session;
    private readonly SqlTraceStore _traces;
    private readonly SqlJudgeRegistry _judges;
    private readonly SqlEvaluationStore _evaluations;
    private readonly SqlLabelingStore _labeling;
    private readonly SqlForgetting _forgetting;

    /// <summary>For backends: the store over <paramref name="dialect"/>.</summary>
    protected SqlMemAlignStore(SqlDialect dialect, MemAlignStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _session = new SqlSession(dialect, (options ?? MemAlignStoreOptions.Default).TimeProvider);
        _traces = new SqlTraceStore(_session);
        _judges = new SqlJudgeRegistry(_session);
        _evaluations = new SqlEvaluationStore(_session);
        _labeling = new SqlLabelingStore(_session);
        _forgetting = new SqlForgetting(_session);
    }

    /// <inheritdoc />
    public string Description => _session.Dialect.Description;

    /// <summary>Opens the store: migrates the schema and makes sure the default experiment exists.</summary>
    /// <exception cref="StoreException">The store cannot be opened, or holds a newer schema.</exception>
    protected Task InitializeAsync(CancellationToken cancellationToken) =>
        _session.RunAsync("opening the store", async connection =>
        {
            await SqlSchema.MigrateAsync(_session.Dialect, connection, cancellationToken).ConfigureAwait(false);
            await using var transaction = await _session.Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await SqlSession.EnsureExperimentAsync(connection, transaction, IMemAlignStore.DefaultExperiment, _session.Now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    /// <summary>Checks, without writing, that the store holds this version's schema (for a store opened read-only).</summary>
    /// <exception cref="StoreException">The store's schema is older or newer than this version's.</exception>
    protected Task VerifyAsync(CancellationToken cancellationToken) =>
        _session.RunAsync("opening the store", async connection =>
        {
            await SqlSchema.VerifyAsync(_session.Dialect, connection, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListExperimentsAsync(CancellationToken cancellationToken = default) => _traces.ListExperimentsAsync(cancellationToken);

    /// <inheritdoc />
    public Task CreateExperimentAsync(string experiment, CancellationToken cancellationToken = default) => _traces.CreateExperimentAsync(experiment, cancellationToken);

    /// <inheritdoc />
    public Task<int> AddTracesAsync(string experiment, IEnumerable<Trace> traces, CancellationToken cancellationToken = default) => _traces.AddTracesAsync(experiment, traces, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Trace>> GetTracesAsync(string experiment, IReadOnlyCollection<string> traceIds, CancellationToken cancellationToken = default) =>
        _traces.GetTracesAsync(experiment, traceIds, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> GetContentFingerprintsAsync(string experiment, IReadOnlyCollection<string> traceIds, CancellationToken cancellationToken = default) =>
        _traces.GetContentFingerprintsAsync(experiment, traceIds, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Assessment>> GetAssessmentHistoryAsync(string experiment, string traceId, CancellationToken cancellationToken = default) =>
        _traces.GetAssessmentHistoryAsync(experiment, traceId, cancellationToken);

    /// <inheritdoc />
    public Task<Trace?> GetTraceAsync(string experiment, string traceId, CancellationToken cancellationToken = default) => _traces.GetTraceAsync(experiment, traceId, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<Trace> SearchTracesAsync(string experiment, TraceQuery query, CancellationToken cancellationToken = default) => _traces.SearchTracesAsync(experiment, query, cancellationToken);

    /// <inheritdoc />
    public Task TagTraceAsync(string experiment, string traceId, string key, string value, CancellationToken cancellationToken = default) =>
        _traces.TagTraceAsync(experiment, traceId, key, value, cancellationToken);

    /// <inheritdoc />
    public Task LogAssessmentAsync(string experiment, string traceId, Assessment assessment, CancellationToken cancellationToken = default) =>
        _traces.LogAssessmentAsync(experiment, traceId, assessment, cancellationToken);

    /// <inheritdoc />
    public Task UpdateAssessmentAsync(string experiment, string assessmentId, FeedbackValue value, string? rationale, CancellationToken cancellationToken = default) =>
        _traces.UpdateAssessmentAsync(experiment, assessmentId, value, rationale, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteAssessmentAsync(string experiment, string assessmentId, CancellationToken cancellationToken = default) =>
        _traces.DeleteAssessmentAsync(experiment, assessmentId, cancellationToken);

    /// <inheritdoc />
    public Task<JudgeVersionInfo> RegisterJudgeAsync(string experiment, JudgeDefinition definition, JudgeMemory memory,
        IReadOnlyDictionary<string, string>? settings = null, int? baseVersion = null, LabelSchema? labelSchema = null, CancellationToken cancellationToken = default) =>
        _judges.RegisterJudgeAsync(experiment, definition, memory, settings, baseVersion, labelSchema, cancellationToken);

    /// <inheritdoc />
    public Task<RegisteredJudge?> GetJudgeAsync(string experiment, string name, int? version = null, CancellationToken cancellationToken = default) =>
        _judges.GetJudgeAsync(experiment, name, version, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JudgeVersionInfo>> ListJudgesAsync(string experiment, CancellationToken cancellationToken = default) => _judges.ListJudgesAsync(experiment, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JudgeVersionInfo>> ListJudgeVersionsAsync(string experiment, string name, CancellationToken cancellationToken = default) =>
        _judges.ListJudgeVersionsAsync(experiment, name, cancellationToken);

    /// <inheritdoc />
    public Task<int> DeleteJudgeAsync(string experiment, string name, int? version = null, CancellationToken cancellationToken = default) =>
        _judges.DeleteJudgeAsync(experiment, name, version, cancellationToken);

    /// <inheritdoc />
    public Task<ForgetReport> ForgetAsync(string experiment, IEnumerable<string> traceIds, CancellationToken cancellationToken = default) =>
        _forgetting.ForgetAsync(experiment, traceIds, cancellationToken);

    /// <inheritdoc />
    public Task<EvaluationRun> CreateEvaluationRunAsync(string experiment, string name, IReadOnlyDictionary<string, string>? settings = null,
        string? judgeName = null, int? judgeVersion = null, CancellationToken cancellationToken = default) =>
        _evaluations.CreateEvaluationRunAsync(experiment, name, settings, judgeName, judgeVersion, cancellationToken);

    /// <inheritdoc />
    public Task<EvaluationRun?> GetEvaluationRunAsync(string experiment, string runId, CancellationToken cancellationToken = default) =>
        _evaluations.GetEvaluationRunAsync(experiment, runId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EvaluationRun>> ListEvaluationRunsAsync(string experiment, CancellationToken cancellationToken = default) =>
        _evaluations.ListEvaluationRunsAsync(experiment, cancellationToken);

    /// <inheritdoc />
    public Task<EvaluationRun?> GetLatestEvaluationRunAsync(string experiment, string judgeName, CancellationToken cancellationToken = default) =>
        _evaluations.GetLatestEvaluationRunAsync(experiment, judgeName, cancellationToken);

    /// <inheritdoc />
    public Task<EvaluationRun> SaveExperimentReportAsync(string experiment, string name, ExperimentReport report, int? judgeVersion = null, CancellationToken cancellationToken = default) =>
        _evaluations.SaveExperimentReportAsync(experiment, name, report, judgeVersion, cancellationToken);

    /// <inheritdoc />
    public Task<ExperimentReport?> GetExperimentReportAsync(string experiment, string runId, CancellationToken cancellationToken = default) =>
        _evaluations.GetExperimentReportAsync(experiment, runId, cancellationToken);

    /// <inheritdoc />
    public Task SaveEvaluationResultsAsync(string experiment, string runId, IEnumerable<EvaluationRecord> records, CancellationToken cancellationToken = default) =>
        _evaluations.SaveEvaluationResultsAsync(experiment, runId, records, cancellationToken);

    /// <inheritdoc />
    public Task SaveEvaluationBatchAsync(string experiment, string runId, EvaluationBatch batch, CancellationToken cancellationToken = default) =>
        _evaluations.SaveEvaluationBatchAsync(experiment, runId, batch, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EvaluationBatch>> GetEvaluationBatchesAsync(string experiment, string runId, CancellationToken cancellationToken = default) =>
        _evaluations.GetEvaluationBatchesAsync(experiment, runId, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EvaluationRecord> GetEvaluationResultsAsync(string experiment, string runId, CancellationToken cancellationToken = default) =>
        _evaluations.GetEvaluationResultsAsync(experiment, runId, cancellationToken);

    /// <inheritdoc />
    public Task CreateLabelingSessionAsync(Labeling.LabelingSession session, CancellationToken cancellationToken = default) =>
        _labeling.CreateLabelingSessionAsync(session, cancellationToken);

    /// <inheritdoc />
    public Task<Labeling.LabelingSession?> GetLabelingSessionAsync(string experiment, string name, CancellationToken cancellationToken = default) =>
        _labeling.GetLabelingSessionAsync(experiment, name, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Labeling.LabelingSession>> ListLabelingSessionsAsync(string experiment, CancellationToken cancellationToken = default) =>
        _labeling.ListLabelingSessionsAsync(experiment, cancellationToken);

    /// <inheritdoc />
    public Task RecordLabelStepAsync(string experiment, string session, Labeling.LabelStep label, CancellationToken cancellationToken = default) =>
        _labeling.RecordLabelStepAsync(experiment, session, label, cancellationToken);

    /// <inheritdoc />
    public Task<string?> UndoLabelAsync(string experiment, string session, string reviewer, CancellationToken cancellationToken = default) =>
        _labeling.UndoLabelAsync(experiment, session, reviewer, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteLabelingSessionAsync(string experiment, string name, CancellationToken cancellationToken = default) =>
        _labeling.DeleteLabelingSessionAsync(experiment, name, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Assessment>>> GetSessionLabelsAsync(Labeling.LabelingSession session, CancellationToken cancellationToken = default) =>
        _labeling.GetSessionLabelsAsync(session, cancellationToken);

    /// <inheritdoc />
    public Task<Assessment?> LogLabelAsync(Labeling.LabelingSession session, string traceId, Assessment label, CancellationToken cancellationToken = default) =>
        _labeling.LogLabelAsync(session, traceId, label, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
