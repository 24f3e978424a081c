using MemAlign.Labeling;

namespace MemAlign.Storage;

/// <summary>
/// Labeling sessions: their queues and reviewers (the labels are assessments in <see cref="ITraceStore"/>).
/// Forgetting a trace removes it from every queue.
/// </summary>
public interface ILabelingStore
{
    /// <summary>Creates a session.</summary>
    /// <exception cref="ArgumentException">The session is incomplete (see <see cref="LabelingSession.Validate"/>).</exception>
    /// <exception cref="InvalidOperationException">A session of that name exists in the experiment.</exception>
    Task CreateLabelingSessionAsync(LabelingSession session, CancellationToken cancellationToken = default);

    /// <summary>The session, or <see langword="null"/>.</summary>
    Task<LabelingSession?> GetLabelingSessionAsync(string experiment, string name, CancellationToken cancellationToken = default);

    /// <summary>The experiment's sessions, in order of name.</summary>
    Task<IReadOnlyList<LabelingSession>> ListLabelingSessionsAsync(string experiment, CancellationToken cancellationToken = default);

    /// <summary>Deletes a session (its queue; the labels stay with the traces).</summary>
    /// <returns>Whether it existed.</returns>
    Task<bool> DeleteLabelingSessionAsync(string experiment, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a label given through the labeling app (after it was written), so that the reviewer can undo it with
    /// <see cref="UndoLabelAsync"/>. The store keeps each reviewer's last 100 steps per session.
    /// </summary>
    Task RecordLabelStepAsync(string experiment, string session, LabelStep label, CancellationToken cancellationToken = default);

    /// <summary>
    /// Undoes the reviewer's most recent recorded step in the session, in one transaction: a changed label goes back
    /// to what it replaced, a new one is deleted, and either way the label undone is kept in the trace's assessment
    /// history. Only labels recorded by <see cref="RecordLabelStepAsync"/> are touched, never one that changed since
    /// (another writer, an import) or is gone: such a step is dropped and the next one undone.
    /// </summary>
    /// <returns>The trace whose label was undone, or <see langword="null"/> when the reviewer has nothing left to undo.</returns>
    Task<string?> UndoLabelAsync(string experiment, string session, string reviewer, CancellationToken cancellationToken = default);

    /// <summary>
    /// The session's labels on each trace of its queue still stored: HUMAN assessments named after the session's judge,
    /// by its reviewers (anyone, if it names none). Reads labels only, never the traces' content: enough to say what a
    /// reviewer labels next and how far everyone got.
    /// </summary>
    /// <returns>Per trace id of the queue (forgotten traces absent), its labels (possibly none).</returns>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Assessment>>> GetSessionLabelsAsync(LabelingSession session, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a reviewer's label on a trace of the session (as <see cref="ITraceStore.LogAssessmentAsync"/> does), in one
    /// write transaction that refuses a new label once the trace has <see cref="LabelingSession.LabelsPerTrace"/> labels of
    /// the session: any number of servers and processes share the limit. Replacing the reviewer's own label is always allowed.
    /// </summary>
    /// <returns>The reviewer's label it replaced, or <see langword="null"/> when the label is new.</returns>
    /// <exception cref="ArgumentException">The label is not a HUMAN assessment named after the session's judge, or not by one of its reviewers.</exception>
    /// <exception cref="LabelLimitReachedException">The trace has the labels the session asks for; nothing was written.</exception>
    /// <exception cref="KeyNotFoundException">The trace does not exist.</exception>
    Task<Assessment?> LogLabelAsync(LabelingSession session, string traceId, Assessment label, CancellationToken cancellationToken = default);
}
