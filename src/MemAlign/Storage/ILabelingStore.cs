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
}
