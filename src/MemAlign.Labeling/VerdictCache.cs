using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MemAlign.Labeling;

/// <summary>
/// The judge's verdict per trace, asked once per server: reviewers moving back and forth should not pay for (or wait
/// on) the same model call twice. A verdict that throws shows as its error.
/// </summary>
internal sealed class VerdictCache(Func<Trace, CancellationToken, Task<JudgeVerdict>>? verdicts, ILogger logger, CancellationToken serverStopping)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<JudgeVerdict>>> _verdicts = new(StringComparer.Ordinal);

    /// <summary>Whether the server was given a judge to ask.</summary>
    public bool HasJudge => verdicts is not null;

    /// <summary>How many verdicts were given so far (the status view's judge agreement draws on them).</summary>
    public int KnownCount => _verdicts.Values.Count(pending => pending.IsValueCreated && pending.Value.IsCompletedSuccessfully);

    /// <summary>The verdict already given on <paramref name="traceId"/> (shown beside the item), without asking the judge.</summary>
    public JudgeVerdict? Known(string traceId) =>
        _verdicts.TryGetValue(traceId, out var pending) && pending.IsValueCreated && pending.Value.IsCompletedSuccessfully ? pending.Value.Result : null;

    /// <summary>The verdict, or <see langword="null"/> when the server was given no judge; when asking failed, that it failed (the exception goes to the log, not to reviewers).</summary>
    public async Task<(JudgeVerdict? Verdict, string? Failure)> GetAsync(Trace trace)
    {
        if (verdicts is null)
        {
            return (null, null);
        }

        // The request that first asks may go away; the verdict is asked on the server's lifetime, for whoever asks next.
        var pending = _verdicts.GetOrAdd(trace.Id, _ => new(() => verdicts(trace, serverStopping)));
        try
        {
            return (await pending.Value.ConfigureAwait(false), null);
        }
#pragma warning disable CA1031 // A judge that fails shows its reason beside the trace; labelling goes on.
        catch (Exception e) when (!serverStopping.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _verdicts.TryRemove(trace.Id, out _);
            LabelingLog.JudgeFailed(logger, e, trace.Id);
            return (null, "The judge failed on this trace (the reason is in the server's log); label it on your own judgement.");
        }
    }
}
