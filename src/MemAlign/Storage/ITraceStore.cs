namespace MemAlign.Storage;

/// <summary>
/// Traces with their tags and assessments, namespaced by experiment (the <see cref="IMemAlignStore.DefaultExperiment"/>
/// always exists). Safe for concurrent use by many threads and processes.
/// </summary>
public interface ITraceStore
{
    /// <summary>The experiments, in order of name.</summary>
    Task<IReadOnlyList<string>> ListExperimentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the experiment if it does not exist.</summary>
    Task CreateExperimentAsync(string experiment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds or replaces traces (by id) with their tags and assessments (one current assessment per
    /// feedback name and source, see <see cref="LogAssessmentAsync"/>), in batches, each batch
    /// all-or-nothing. Adding the same traces twice changes nothing. Assessments the traces no longer
    /// carry stay; those that rated other content are marked by their <see cref="Assessment.RatedContent"/>.
    /// </summary>
    /// <returns>How many traces were written.</returns>
    /// <exception cref="ArgumentException">A trace holds text no store can keep (a NUL character); nothing was written. The message names the trace.</exception>
    Task<int> AddTracesAsync(string experiment, IEnumerable<Trace> traces, CancellationToken cancellationToken = default);

    /// <summary>One trace with its tags and assessments, or <see langword="null"/>.</summary>
    Task<Trace?> GetTraceAsync(string experiment, string traceId, CancellationToken cancellationToken = default);

    /// <summary>The stored ones of <paramref name="traceIds"/>, with their tags and assessments (in no particular order).</summary>
    Task<IReadOnlyList<Trace>> GetTracesAsync(string experiment, IReadOnlyCollection<string> traceIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <see cref="Trace.ContentFingerprint"/> of each stored one of <paramref name="traceIds"/>, by id: what an import compares a
    /// trace read again against, without loading tags and assessments. The default loads the traces; stores read the fingerprint alone.
    /// </summary>
    async Task<IReadOnlyDictionary<string, string>> GetContentFingerprintsAsync(string experiment, IReadOnlyCollection<string> traceIds, CancellationToken cancellationToken = default) =>
        (await GetTracesAsync(experiment, traceIds, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Id, t => t.ContentFingerprint, StringComparer.Ordinal);

    /// <summary>The traces matching <paramref name="query"/>, streamed, in order of creation then id.</summary>
    IAsyncEnumerable<Trace> SearchTracesAsync(string experiment, TraceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Sets a tag on a trace.</summary>
    /// <exception cref="KeyNotFoundException">The trace does not exist.</exception>
    Task TagTraceAsync(string experiment, string traceId, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds an assessment to a trace. A trace keeps one current assessment per feedback name and source
    /// (one label per reviewer): a new one from the same source replaces it, and the one replaced goes to
    /// the trace's history (<see cref="GetAssessmentHistoryAsync"/>).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The trace does not exist.</exception>
    Task LogAssessmentAsync(string experiment, string traceId, Assessment assessment, CancellationToken cancellationToken = default);

    /// <summary>Changes an assessment's value and rationale; its creation time stays and its update time becomes now.</summary>
    /// <exception cref="KeyNotFoundException">The assessment does not exist.</exception>
    Task UpdateAssessmentAsync(string experiment, string assessmentId, FeedbackValue value, string? rationale, CancellationToken cancellationToken = default);

    /// <summary>The assessments of a trace that later ones replaced, oldest first.</summary>
    Task<IReadOnlyList<Assessment>> GetAssessmentHistoryAsync(string experiment, string traceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes an assessment.</summary>
    /// <returns>Whether it existed.</returns>
    Task<bool> DeleteAssessmentAsync(string experiment, string assessmentId, CancellationToken cancellationToken = default);
}
