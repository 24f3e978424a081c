using MemAlign.Storage;
using System.Text.Json;

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
/// once, on one server or several, never exceed it: the late one is refused (409) and moves on. Each label is
/// recorded in the store as a step of its reviewer, so undo reverts only what they did here, also after a restart
/// (<see cref="ILabelingStore.UndoLabelAsync"/>), back to their last <see cref="MaxUndo"/> labels.
/// </summary>
internal sealed class LabelWriter(ServedSession served) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>How many of a reviewer's labels undo can take back (the steps the store keeps per reviewer and session).</summary>
    public const int MaxUndo = 100;

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

        // A pair was shown in this reviewer's order: their A and B become the stored order's, and their comment is marked as theirs
        // (unless it is their stored comment in the stored order, shown to them with a note and sent back unchanged).
        var pair = served.Schema.ValueType.IsPreference && PairDisplay.Swapped(reviewer, traceId)
            ? await served.Store.GetTraceAsync(served.Experiment, traceId, cancellationToken).ConfigureAwait(false)
            : null;
        var swapped = pair is not null && PairDisplay.Applies(served.Schema, pair);
        value = swapped ? PairDisplay.Exchange(value) : value;
        var before = swapped ? pair!.Assessments.FirstOrDefault(a => a.Source.Type == AssessmentSourceType.Human && a.Source.Id == reviewer && a.IsNamed(served.Session.JudgeName))?.Rationale : null;
        var comment = PairDisplay.Stored(string.IsNullOrWhiteSpace(request.Comment) || served.Schema.Comment == LabelComment.None ? null : request.Comment.Trim(), swapped, before);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var source = AssessmentSource.Human(reviewer);
            var label = new Assessment(served.Session.JudgeName, value, source, comment, served.Time.GetUtcNow())
            {
                Id = Assessment.StableId(traceId, served.Session.JudgeName, source),
                JudgeShown = served.WasJudgeShownTo(reviewer, traceId),
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

            await served.Labels.RecordLabelStepAsync(served.Experiment, served.Session.Name, new LabelStep(reviewer, traceId, mine?.Id ?? label.Id, value, comment, mine?.Value, mine?.Rationale) { ReplacedJudgeShown = mine?.JudgeShown }, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        served.Unskip(reviewer, traceId);
        return new WriteOutcome(200, Next: await served.NextAsync(reviewer, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Reverts the reviewer's last label given here: back to the value it replaced, or removed if it was new (kept in
    /// the trace's history either way). Never touches another reviewer's label, nor one they did not give here (an import).
    /// </summary>
    public async Task<WriteOutcome> UndoAsync(string reviewer, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await served.Labels.UndoLabelAsync(served.Experiment, served.Session.Name, reviewer, cancellationToken).ConfigureAwait(false) is not { } traceId)
            {
                return WriteOutcome.Refused(404, $"There is nothing more to undo: undo takes back, one at a time, the last {MaxUndo} labels you gave in this app.");
            }

            served.Unskip(reviewer, traceId);
            return new WriteOutcome(200, Next: traceId);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

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
