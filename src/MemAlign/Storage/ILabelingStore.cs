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
}
