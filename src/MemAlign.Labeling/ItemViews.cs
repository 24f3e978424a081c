using System.Globalization;
using MemAlign.Evaluation;

namespace MemAlign.Labeling;

/// <summary>What the page shows: the session and schema, one trace with the judge's verdict, and the session's status.</summary>
internal sealed class ItemViews(ServedSession served, VerdictCache verdicts)
{
    private readonly AgreementCache<(LabelingStatus Status, IReadOnlyList<JudgeReviewerAgreement>? Judge)> _agreement = new();

    public SessionView Session(string? reviewer, string antiforgeryToken, string antiforgeryHeader)
    {
        var schema = served.Schema;
        var type = schema.ValueType;
        return new SessionView(reviewer, served.Session.Name, served.Session.JudgeName, served.Session.LabelsPerTrace,
            new SchemaView(type.Kind.ToString().ToLowerInvariant(), type.Minimum, type.Maximum, type.Options,
                schema.Title ?? served.Session.JudgeName,
                schema.Instruction is { } instruction ? SafeMarkdown.ToHtml(instruction) : null,
                schema.Comment.ToString().ToLowerInvariant(), type.NotApplicable),
            antiforgeryToken, antiforgeryHeader, ShowJudgeName(served.Session.ShowJudge), verdicts.HasJudge);
    }

    /// <summary>The item, or <see langword="null"/> when it is not in the queue or no longer stored. Reads the one trace, and the session's labels (not its traces) for the reviewer's progress.</summary>
    public async Task<ItemView?> ItemAsync(string reviewer, string traceId, CancellationToken cancellationToken)
    {
        var queue = served.Session.TraceIds;
        var position = served.PositionOf(traceId);
        if (position < 0)
        {
            return null;
        }

        var trace = await served.Store.GetTraceAsync(served.Experiment, traceId, cancellationToken).ConfigureAwait(false);
        if (trace is null)
        {
            return null;
        }

        var sessionLabels = await served.LabelsAsync(cancellationToken).ConfigureAwait(false);
        var labels = LabelingProgress.LabelsOn(served.Session, trace);
        var mine = labels.FirstOrDefault(a => a.Source.Id == reviewer);

        // Blind by default: the verdict and what it recalled leave the server only once the reviewer has answered.
        var showJudge = served.Session.ShowJudge switch
        {
            JudgeVisibility.BeforeLabel => true,
            JudgeVisibility.AfterLabel => mine is not null,
            _ => false,
        };
        var verdict = showJudge ? await VerdictAsync(reviewer, trace, sessionLabels, cancellationToken).ConfigureAwait(false) : null;
        if (verdict is { Error: null })
        {
            served.JudgeShownTo(reviewer, trace.Id);
        }

        // A pair shows its candidates side by side in this reviewer's order; what is stored in A/B terms is shown in theirs.
        var pair = PairDisplay.Applies(served.Schema, trace);
        var swapped = pair && PairDisplay.Swapped(reviewer, trace.Id);
        if (swapped && verdict is { Value: { } shown })
        {
            verdict = verdict with
            {
                Value = PairDisplay.Exchange(FeedbackValue.FromText(shown)).ToString(),
                Rationale = verdict.Rationale is null ? null
                    : PairDisplay.StoredOrderVerdictNote + verdict.Rationale,
            };
        }

        return new ItemView(
            trace.Id, position + 1, queue.Count,
            position > 0 ? queue[position - 1] : null,
            position < queue.Count - 1 ? queue[position + 1] : null,
            TraceFieldViews.Of(trace, pair),
            verdict,
            mine is null ? null : MyLabel(mine, swapped),
            labels.Count,
            mine is null && labels.Count >= served.Session.LabelsPerTrace,
            served.Progress(reviewer, sessionLabels),
            pair ? TraceFieldViews.Pair(trace, swapped) : null);
    }

    /// <summary>
    /// Where the session stands. The operator sees each reviewer's progress, their agreement and the judge's against each;
    /// a reviewer sees their own progress and the totals only, so no one can align with a colleague before the agreement
    /// is measured.
    /// </summary>
    public async Task<StatusView> StatusAsync(string? reviewer, CancellationToken cancellationToken)
    {
        var labels = await served.LabelsAsync(cancellationToken).ConfigureAwait(false);
        if (reviewer is not null)
        {
            var mine = served.Progress(reviewer, labels);
            return View(labels, [new ReviewerStatusView(reviewer, mine.Labelled, mine.Remaining)], null, null);
        }

        var (status, judge) = await _agreement.GetAsync(labels, verdicts.KnownCount, async () =>
        {
            var traces = await served.TracesAsync(cancellationToken).ConfigureAwait(false);
            var computed = LabelingProgress.Status(served.Session, [.. traces.Values], served.Definition);
            return (computed, JudgeAgreement(computed, traces));
        }).ConfigureAwait(false);
        var measured = status.Agreement;
        return View(labels, [.. status.Reviewers.Select(r => new ReviewerStatusView(r.Reviewer, r.Labelled, r.Remaining))],
            new
            {
                summary = measured.ToString(),
                statistic = measured.CheckStatistic,
                value = measured.CheckValue,
                multiplyLabelledTraces = measured.MultiplyLabelledTraces,
                meanCohensKappa = measured.Statistics?.MeanCohensKappa,
                fleissKappa = measured.Statistics?.FleissKappa,
                alphaNominal = measured.Statistics?.AlphaNominal,
                alphaInterval = measured.Statistics?.AlphaInterval,
                mostDisagreed = measured.MostDisagreed.Take(10).Select(d => new { traceId = d.TraceId, labels = d.Labels }),
            },
            judge?.Select(p => new { reviewer = p.Reviewer, kappa = p.Kappa, lower = p.KappaInterval?.Lower, upper = p.KappaInterval?.Upper, traces = p.SharedTraces }));
    }

    // The reviewer's label in their order: the value mapped, the comment without its mark or with a note when its A and B are not theirs.
    private static LabelView MyLabel(Assessment mine, bool swapped)
    {
        var (comment, note) = PairDisplay.Shown(mine.Rationale, swapped);
        return new LabelView(swapped ? PairDisplay.Exchange(mine.Value) : mine.Value, comment, note);
    }

    internal static string ShowJudgeName(JudgeVisibility show) => show switch
    {
        JudgeVisibility.BeforeLabel => "before",
        JudgeVisibility.Never => "never",
        _ => "after",
    };

    // The totals, counted from the labels as they are now.
    private StatusView View(IReadOnlyDictionary<string, IReadOnlyList<Assessment>> labels, IReadOnlyList<ReviewerStatusView> reviewers, object? agreement, object? judgeAgreement) =>
        new(served.Session.Name, served.Session.JudgeName, labels.Count, labels.Values.Count(l => l.Count >= served.Session.LabelsPerTrace), labels.Values.Sum(l => l.Count),
            served.Session.LabelsPerTrace, reviewers, agreement, judgeAgreement);

    // The judge beside each reviewer, on the labelled traces whose verdict this server has already shown: the status page
    // never asks the judge (with a model, that would spend a call per labelled trace at every look); null without a judge.
    private IReadOnlyList<JudgeReviewerAgreement>? JudgeAgreement(LabelingStatus status, IReadOnlyDictionary<string, Trace> traces)
    {
        if (!verdicts.HasJudge)
        {
            return null;
        }

        var known = traces.Keys.Select(id => (Id: id, Verdict: verdicts.Known(id)))
            .Where(v => v.Verdict is { IsSuccess: true, Feedback: not null })
            .ToDictionary(v => v.Id, v => v.Verdict!.Feedback!, StringComparer.Ordinal);
        return LabelingProgress.JudgeAgreement(status.Session, [.. traces.Values], known);
    }

    private async Task<VerdictView?> VerdictAsync(string reviewer, Trace trace, IReadOnlyDictionary<string, IReadOnlyList<Assessment>> sessionLabels, CancellationToken cancellationToken)
    {
        var (verdict, failure) = await verdicts.GetAsync(trace).ConfigureAwait(false);
        if (failure is not null)
        {
            return new VerdictView(null, null, null, failure, []);
        }

        if (verdict is null)
        {
            return null;
        }

        if (!verdict.IsSuccess)
        {
            return new VerdictView(null, null, null, verdict.Error?.ToString(), []);
        }

        var examples = verdict.RetrievedExampleIds.Count == 0 ? [] :
            await served.Store.GetTracesAsync(served.Experiment, verdict.RetrievedExampleIds, cancellationToken).ConfigureAwait(false);
        var byId = examples.ToDictionary(t => t.Id, StringComparer.Ordinal);
        return new VerdictView(
            verdict.Feedback?.ToString(), verdict.Rationale, verdict.Confidence, null,
            [.. verdict.RetrievedExampleIds.Where(byId.ContainsKey).Select(id => new ExampleView(id, TraceFieldViews.Summary(byId[id]), ExampleLabels(reviewer, byId[id], sessionLabels)))]);
    }

    // What the experts said about a recalled example. On a trace the session is still labelling, only the reviewer's
    // own label shows: others' names and values would let them align with a colleague before the agreement is measured.
    private List<string> ExampleLabels(string reviewer, Trace example, IReadOnlyDictionary<string, IReadOnlyList<Assessment>> sessionLabels)
    {
        var labels = example.Assessments.Where(a => a.Source.Type == AssessmentSourceType.Human && a.IsNamed(served.Session.JudgeName)).ToList();
        var open = sessionLabels.TryGetValue(example.Id, out var onTrace) && onTrace.Count < served.Session.LabelsPerTrace;
        if (!open)
        {
            return [.. labels.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Source.Id}: {a.Value}"))];
        }

        var shown = labels.Where(a => a.Source.Id == reviewer).Select(a => string.Create(CultureInfo.InvariantCulture, $"you: {a.Value}")).ToList();
        if (labels.Count > shown.Count)
        {
            shown.Add("other labels hidden while the session is labelling this item");
        }

        return shown;
    }
}
