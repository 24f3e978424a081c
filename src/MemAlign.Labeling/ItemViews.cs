using System.Globalization;
using MemAlign.Evaluation;

namespace MemAlign.Labeling;

/// <summary>What the page shows: the session and schema, one trace with the judge's verdict, and the session's status.</summary>
internal sealed class ItemViews(ServedSession served, VerdictCache verdicts)
{
    public SessionView Session(string reviewer, string antiforgeryToken)
    {
        var schema = served.Schema;
        var type = schema.ValueType;
        return new SessionView(reviewer, served.Session.Name, served.Session.JudgeName, served.Session.LabelsPerTrace,
            new SchemaView(type.Kind.ToString().ToLowerInvariant(), type.Minimum, type.Maximum, type.Options,
                schema.Title ?? served.Session.JudgeName,
                schema.Instruction is { } instruction ? SafeMarkdown.ToHtml(instruction) : null,
                schema.Comment.ToString().ToLowerInvariant()),
            antiforgeryToken);
    }

    /// <summary>The item, or <see langword="null"/> when it is not in the queue or no longer stored.</summary>
    public async Task<ItemView?> ItemAsync(string reviewer, string traceId, CancellationToken cancellationToken)
    {
        var queue = served.Session.TraceIds;
        var position = queue.ToList().IndexOf(traceId);
        if (position < 0)
        {
            return null;
        }

        var traces = await served.TracesAsync(cancellationToken).ConfigureAwait(false);
        if (!traces.TryGetValue(traceId, out var trace))
        {
            return null;
        }

        var labels = LabelingProgress.LabelsOn(served.Session, trace);
        var mine = labels.FirstOrDefault(a => a.Source.Id == reviewer);
        var progress = LabelingProgress.Status(served.Session, [.. traces.Values], served.Definition).Reviewers.FirstOrDefault(r => r.Reviewer == reviewer);
        return new ItemView(
            trace.Id, position + 1, queue.Count,
            position > 0 ? queue[position - 1] : null,
            position < queue.Count - 1 ? queue[position + 1] : null,
            TraceFieldViews.Of(trace),
            await VerdictAsync(trace, cancellationToken).ConfigureAwait(false),
            mine is null ? null : new LabelView(mine.Value, mine.Rationale),
            labels.Count,
            mine is null && labels.Count >= served.Session.LabelsPerTrace,
            new ProgressView(progress?.Labelled ?? 0, progress?.Remaining ?? 0));
    }

    /// <summary>Progress per reviewer and their agreement, as <see cref="LabelingProgress.Status"/> measures them.</summary>
    public async Task<object> StatusAsync(CancellationToken cancellationToken)
    {
        var traces = await served.TracesAsync(cancellationToken).ConfigureAwait(false);
        var status = LabelingProgress.Status(served.Session, [.. traces.Values], served.Definition);
        var agreement = status.Agreement;
        var judge = JudgeAgreement(status, traces);
        return new
        {
            session = served.Session.Name,
            judge = served.Session.JudgeName,
            traces = status.Traces,
            complete = status.Complete,
            labels = status.Labels,
            labelsPerTrace = served.Session.LabelsPerTrace,
            reviewers = status.Reviewers.Select(r => new { reviewer = r.Reviewer, labelled = r.Labelled, remaining = r.Remaining }),
            agreement = new
            {
                summary = agreement.ToString(),
                statistic = agreement.CheckStatistic,
                value = agreement.CheckValue,
                multiplyLabelledTraces = agreement.MultiplyLabelledTraces,
                meanCohensKappa = agreement.Statistics?.MeanCohensKappa,
                fleissKappa = agreement.Statistics?.FleissKappa,
                alphaNominal = agreement.Statistics?.AlphaNominal,
                alphaInterval = agreement.Statistics?.AlphaInterval,
                mostDisagreed = agreement.MostDisagreed.Take(10).Select(d => new { traceId = d.TraceId, labels = d.Labels }),
            },
            judgeAgreement = judge?.Select(p => new { reviewer = p.Reviewer, kappa = p.Kappa, lower = p.KappaInterval?.Lower, upper = p.KappaInterval?.Upper, traces = p.SharedTraces }),
        };
    }

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

    private async Task<VerdictView?> VerdictAsync(Trace trace, CancellationToken cancellationToken)
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
            [.. verdict.RetrievedExampleIds.Where(byId.ContainsKey).Select(id => new ExampleView(id, TraceFieldViews.Summary(byId[id]),
                [.. byId[id].Assessments
                    .Where(a => a.Source.Type == AssessmentSourceType.Human && a.IsNamed(served.Session.JudgeName))
                    .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Source.Id}: {a.Value}"))]))]);
    }
}
