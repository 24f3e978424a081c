using System.Collections.Concurrent;
using System.Text.Json;
using MemAlign.Storage;

namespace MemAlign.Labeling;

/// <summary>The result of a write: an HTTP status, the reason when refused, and where the reviewer goes next.</summary>
internal sealed record WriteOutcome(int Status, string? Error = null, string? Next = null)
{
    public static WriteOutcome Refused(int status, string error) => new(status, error);
}

/// <summary>
/// Writes labels as HUMAN assessments named after the judge, one per reviewer and trace (its id is stable, so a
/// double submit updates instead of duplicating). The store enforces the labels the session asks for per trace in
/// its write transaction (<see cref="ILabelingStore.LogLabelAsync"/>), so two reviewers submitting the same item at
/// once, on one server or several, never exceed it: the late one is refused (409) and moves on.
/// </summary>
internal sealed class LabelWriter(ServedSession served) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // What each reviewer's writes replaced, newest last, for undo (until the server stops): the last MaxUndo changes each.
    private readonly ConcurrentDictionary<string, LinkedList<UndoStep>> _undo = new(StringComparer.Ordinal);

    // Reviewers whose oldest changes were let go: once their remembered ones are undone, there is nothing more.
    private readonly ConcurrentDictionary<string, bool> _capped = new(StringComparer.Ordinal);

    /// <summary>How many of a reviewer's changes undo remembers.</summary>
    public const int MaxUndo = 100;

    private sealed record UndoStep(string TraceId, string AssessmentId, Assessment? Replaced);

    public async Task<WriteOutcome> SubmitAsync(string reviewer, string traceId, LabelRequest request, CancellationToken cancellationToken)
    {
        if (!served.IsQueued(traceId))
        {
            return WriteOutcome.Refused(404, $"Trace '{traceId}' is not in session '{served.Session.Name}'.");
        }

        var (value, invalid) = Validate(request);
        if (value is null)
        {
            return WriteOutcome.Refused(400, invalid!);
        }

        var comment = string.IsNullOrWhiteSpace(request.Comment) || served.Schema.Comment == LabelComment.None ? null : request.Comment.Trim();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var source = AssessmentSource.Human(reviewer);
            var label = new Assessment(served.Session.JudgeName, value, source, comment, served.Time.GetUtcNow())
            {
                Id = Assessment.StableId(traceId, served.Session.JudgeName, source),
            };
            Assessment? mine;
            try
            {
                // The store counts the trace's labels in its write transaction: servers sharing the session never exceed the limit.
                mine = await served.Labels.LogLabelAsync(served.Session, traceId, label, cancellationToken).ConfigureAwait(false);
            }
            catch (KeyNotFoundException)
            {
                return WriteOutcome.Refused(404, $"Trace '{traceId}' is no longer stored (it was forgotten).");
            }
            catch (LabelLimitReachedException)
            {
                return WriteOutcome.Refused(409, $"Trace '{traceId}' already has the {served.Session.LabelsPerTrace} label(s) the session asks for; moving on.");
            }

            Push(reviewer, new UndoStep(traceId, mine?.Id ?? label.Id, mine));
        }
        finally
        {
            _gate.Release();
        }

        served.Unskip(reviewer, traceId);
        return new WriteOutcome(200, Next: await served.NextAsync(reviewer, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Reverts the reviewer's last label: back to the value it replaced, or removed if it was new. After a restart
    /// (nothing remembered) it removes their most recent label in the session. Never touches another reviewer's label.
    /// </summary>
    public async Task<WriteOutcome> UndoAsync(string reviewer, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Steps(reviewer) is { Last.Value: var step } steps)
            {
                steps.RemoveLast();
                if (step.Replaced is { } replaced)
                {
                    await served.Store.UpdateAssessmentAsync(served.Experiment, step.AssessmentId, replaced.Value, replaced.Rationale, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await served.Store.DeleteAssessmentAsync(served.Experiment, step.AssessmentId, cancellationToken).ConfigureAwait(false);
                }

                served.Unskip(reviewer, step.TraceId);
                return new WriteOutcome(200, Next: step.TraceId);
            }

            if (_capped.ContainsKey(reviewer))
            {
                return WriteOutcome.Refused(404, $"Undo goes back {MaxUndo} changes; there is nothing more to undo.");
            }

            var latest = (await served.TracesAsync(cancellationToken).ConfigureAwait(false)).Values
                .Select(t => (Trace: t, Label: served.LabelBy(reviewer, t)))
                .Where(l => l.Label is not null)
                .OrderByDescending(l => l.Label!.UpdatedAt)
                .FirstOrDefault();
            if (latest.Label is null)
            {
                return WriteOutcome.Refused(404, "There is no label of yours to undo.");
            }

            await served.Store.DeleteAssessmentAsync(served.Experiment, latest.Label.Id, cancellationToken).ConfigureAwait(false);
            served.Unskip(reviewer, latest.Trace.Id);
            return new WriteOutcome(200, Next: latest.Trace.Id);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private LinkedList<UndoStep> Steps(string reviewer) => _undo.GetOrAdd(reviewer, _ => new());

    private void Push(string reviewer, UndoStep step)
    {
        var steps = Steps(reviewer);
        steps.AddLast(step);
        if (steps.Count > MaxUndo)
        {
            steps.RemoveFirst();
            _capped[reviewer] = true;
        }
    }

    // The value in the schema's type (canonical form), and a comment when the schema requires one.
    private (FeedbackValue? Value, string? Error) Validate(LabelRequest request)
    {
        if (request.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array)
        {
            return (null, $"Choose a value: {served.Schema.ValueType.Describe()}.");
        }

        if (!served.Schema.ValueType.TryNormalize(FeedbackValue.FromJson(request.Value), out var value, out var problem))
        {
            return (null, $"The label must be {served.Schema.ValueType.Describe()}{problem}");
        }

        var nulIn = request.Comment?.Contains('\0', StringComparison.Ordinal) == true ? "comment"
            : value.Kind == FeedbackValueKind.Text && value.AsText().Contains('\0', StringComparison.Ordinal) ? "label" : null;
        if (nulIn is not null)
        {
            return (null, $"The {nulIn} holds a NUL character (\\0), which no store can keep; remove it.");
        }

        if (served.Schema.Comment == LabelComment.Required && string.IsNullOrWhiteSpace(request.Comment))
        {
            return (null, "A comment is required: say why, in a sentence; it is what the judge learns from.");
        }

        return (value, null);
    }
}
