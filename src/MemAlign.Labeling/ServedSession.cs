using System.Collections.Concurrent;
using MemAlign.Storage;

namespace MemAlign.Labeling;

/// <summary>
/// The session a server serves, with its judge's schema, and what the server remembers beyond the store: the traces
/// each reviewer skipped (until the server stops; skipping is a "not now", not an answer).
/// </summary>
internal sealed class ServedSession(ITraceStore store, LabelingSession session, RegisteredJudge judge, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> _skipped = new(StringComparer.Ordinal);

    public ITraceStore Store { get; } = store;

    public LabelingSession Session { get; } = session;

    public string Experiment => Session.Experiment;

    public JudgeDefinition Definition { get; } = judge.Definition;

    public LabelSchema Schema { get; } = judge.LabelSchema;

    public TimeProvider Time { get; } = time;

    /// <summary>The session's traces still stored, by id, with their labels as they are now.</summary>
    public async Task<IReadOnlyDictionary<string, Trace>> TracesAsync(CancellationToken cancellationToken) =>
        (await Store.GetTracesAsync(Experiment, Session.TraceIds, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>The trace the reviewer labels next, or <see langword="null"/> when they are done.</summary>
    public async Task<string?> NextAsync(string reviewer, CancellationToken cancellationToken) =>
        LabelingProgress.Next(Session, await TracesAsync(cancellationToken).ConfigureAwait(false), reviewer, SkippedBy(reviewer));

    public bool IsQueued(string traceId) => Session.TraceIds.Contains(traceId, StringComparer.Ordinal);

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
