using System.Collections.Concurrent;
using MemAlign.Storage;

namespace MemAlign.Labeling;

/// <summary>
/// The session a server serves, with its judge's schema, and what the server remembers beyond the store: the traces
/// each reviewer skipped (until the server stops; skipping is a "not now", not an answer).
/// </summary>
internal sealed class ServedSession(ITraceStore store, ILabelingStore labels, LabelingSession session, RegisteredJudge judge, TimeProvider time)
{
    private readonly Dictionary<string, int> _positions = session.TraceIds.Select((id, i) => (id, i)).DistinctBy(p => p.id)
        .ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> _skipped = new(StringComparer.Ordinal);

    public ITraceStore Store { get; } = store;

    /// <summary>Where the session's labels are counted and written (the labels-per-trace limit holds in its write transaction).</summary>
    public ILabelingStore Labels { get; } = labels;

    public LabelingSession Session { get; } = session;

    public string Experiment => Session.Experiment;

    public JudgeDefinition Definition { get; } = judge.Definition;

    public LabelSchema Schema { get; } = judge.LabelSchema;

    public TimeProvider Time { get; } = time;

    /// <summary>The session's traces still stored, by id, with their labels as they are now (the traces' content too: for the status view only).</summary>
    public async Task<IReadOnlyDictionary<string, Trace>> TracesAsync(CancellationToken cancellationToken) =>
        (await Store.GetTracesAsync(Experiment, Session.TraceIds, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>The session's labels per trace still stored, read without the traces' content.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Assessment>>> LabelsAsync(CancellationToken cancellationToken) =>
        Labels.GetSessionLabelsAsync(Session, cancellationToken);

    /// <summary>The trace the reviewer labels next, or <see langword="null"/> when they are done.</summary>
    public async Task<string?> NextAsync(string reviewer, CancellationToken cancellationToken) =>
        LabelingProgress.Next(Session, LabelsOnly(await LabelsAsync(cancellationToken).ConfigureAwait(false)), reviewer, SkippedBy(reviewer));

    /// <summary>The reviewer's progress, counted from the session's labels.</summary>
    public ProgressView Progress(string reviewer, IReadOnlyDictionary<string, IReadOnlyList<Assessment>> labels) => new(
        labels.Values.Count(l => l.Any(a => a.Source.Id == reviewer)),
        labels.Values.Count(l => l.All(a => a.Source.Id != reviewer) && l.Count < Session.LabelsPerTrace));

    /// <summary>The trace's place in the queue (from 0), or -1.</summary>
    public int PositionOf(string traceId) => _positions.GetValueOrDefault(traceId, -1);

    /// <summary>Traces that carry only their id and the session's labels: what <see cref="LabelingProgress"/> counts.</summary>
    public static IReadOnlyDictionary<string, Trace> LabelsOnly(IReadOnlyDictionary<string, IReadOnlyList<Assessment>> labels) =>
        labels.ToDictionary(l => l.Key, l => new Trace(l.Key) { Assessments = l.Value }, StringComparer.Ordinal);

    public bool IsQueued(string traceId) => _positions.ContainsKey(traceId);

    // Which reviewers this server has shown the judge's verdict on which traces: their next label there is not blind.
    private readonly ConcurrentDictionary<(string Reviewer, string TraceId), bool> _shown = new();

    /// <summary>Notes that the reviewer has been sent the judge's verdict on the trace.</summary>
    public void JudgeShownTo(string reviewer, string traceId) => _shown[(reviewer, traceId)] = true;

    /// <summary>Whether the reviewer has been sent the judge's verdict on the trace (so a label they give now is not blind).</summary>
    public bool WasJudgeShownTo(string reviewer, string traceId) => _shown.ContainsKey((reviewer, traceId));

    public IReadOnlySet<string> SkippedBy(string reviewer) =>
        _skipped.TryGetValue(reviewer, out var skipped) ? skipped.Keys.ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);

    public void Skip(string reviewer, string traceId) => _skipped.GetOrAdd(reviewer, _ => new(StringComparer.Ordinal))[traceId] = true;

    public void Unskip(string reviewer, string traceId)
    {
        if (_skipped.TryGetValue(reviewer, out var skipped))
        {
            skipped.TryRemove(traceId, out _);
        }
    }

    /// <summary>The reviewer's own label on <paramref name="trace"/> in this session, if any.</summary>
    public Assessment? LabelBy(string reviewer, Trace trace) => LabelingProgress.LabelsOn(Session, trace).FirstOrDefault(a => a.Source.Id == reviewer);
}
