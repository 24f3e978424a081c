using MemAlign.Evaluation;

namespace MemAlign.Labeling;

/// <summary>One reviewer's progress in a session.</summary>
/// <param name="Reviewer">The reviewer.</param>
/// <param name="Labelled">Traces of the session they labelled.</param>
/// <param name="Remaining">Traces still waiting for them (the queue has room for their label).</param>
public sealed record ReviewerProgress(string Reviewer, int Labelled, int Remaining);

/// <summary>The judge's agreement with one reviewer.</summary>
/// <param name="Reviewer">The reviewer.</param>
/// <param name="SharedTraces">Traces the reviewer labelled and the judge has a verdict on.</param>
/// <param name="Kappa">Cohen's kappa between the two; <see langword="null"/> when undefined (fewer than two traces, or both always gave one and the same answer).</param>
/// <param name="KappaInterval">Its 95% bootstrap interval over the shared traces.</param>
public sealed record JudgeReviewerAgreement(string Reviewer, int SharedTraces, double? Kappa, ConfidenceInterval? KappaInterval);

/// <summary>Where a labeling session stands: labels so far, per reviewer, and how much the reviewers agree.</summary>
public sealed record LabelingStatus
{
    /// <summary>The session.</summary>
    public required LabelingSession Session { get; init; }

    /// <summary>Traces in the queue.</summary>
    public required int Traces { get; init; }

    /// <summary>Traces with as many labels as the session asks for.</summary>
    public required int Complete { get; init; }

    /// <summary>Labels given in the session.</summary>
    public required int Labels { get; init; }

    /// <summary>Each reviewer's progress (the session's reviewers, and anyone else who labelled).</summary>
    public required IReadOnlyList<ReviewerProgress> Reviewers { get; init; }

    /// <summary>The reviewers' agreement with each other on the session's traces, by the same statistics as experiment reports.</summary>
    public required HumanAgreement Agreement { get; init; }
}

/// <summary>
/// What a reviewer labels next, and where a session stands, from the session's queue and the labels on its
/// traces (HUMAN assessments named after the judge). Pure functions: the store holds the state, so any number
/// of servers and reviewers can work on one session and a restart resumes where each reviewer stopped.
/// </summary>
public static class LabelingProgress
{
    /// <summary>The session's labels on <paramref name="trace"/>: HUMAN assessments named after the judge, by the session's reviewers (anyone, if it names none).</summary>
    public static IReadOnlyList<Assessment> LabelsOn(LabelingSession session, Trace trace)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(trace);
        return trace.Assessments
            .Where(a => a.Source.Type == AssessmentSourceType.Human && a.IsNamed(session.JudgeName) && (session.Reviewers.Count == 0 || session.Reviewers.Contains(a.Source.Id)))
            .ToList();
    }

    /// <summary>
    /// The next trace for <paramref name="reviewer"/>: the first in the queue they have not labelled or skipped
    /// that still needs a label (fewer than <see cref="LabelingSession.LabelsPerTrace"/>); <see langword="null"/> when none is left.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="traces">The session's traces with their assessments, by id (a trace missing here was forgotten and is passed over).</param>
    /// <param name="reviewer">The reviewer.</param>
    /// <param name="skipped">Traces the reviewer skipped.</param>
    public static string? Next(LabelingSession session, IReadOnlyDictionary<string, Trace> traces, string reviewer, IReadOnlySet<string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        foreach (var id in session.TraceIds)
        {
            if (skipped?.Contains(id) == true || !traces.TryGetValue(id, out var trace))
            {
                continue;
            }

            var labels = LabelsOn(session, trace);
            if (labels.All(a => a.Source.Id != reviewer) && labels.Count < session.LabelsPerTrace)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Where the session stands.</summary>
    /// <param name="session">The session.</param>
    /// <param name="traces">The session's traces with their assessments.</param>
    /// <param name="definition">The judge (its name and value type select the statistics).</param>
    /// <param name="includeNonBlind">Whether the agreement counts labels given after their giver saw the judge's verdict (left out by default).</param>
    public static LabelingStatus Status(LabelingSession session, IReadOnlyList<Trace> traces, JudgeDefinition definition, bool includeNonBlind = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(definition);
        var queued = session.TraceIds.ToHashSet(StringComparer.Ordinal);
        var inQueue = traces.Where(t => queued.Contains(t.Id)).DistinctBy(t => t.Id).ToList();
        var labels = inQueue.ToDictionary(t => t.Id, t => LabelsOn(session, t), StringComparer.Ordinal);
        var reviewers = session.Reviewers.Concat(labels.Values.SelectMany(l => l).Select(a => a.Source.Id)).Distinct(StringComparer.Ordinal).ToList();
        return new LabelingStatus
        {
            Session = session,
            Traces = inQueue.Count,
            Complete = labels.Values.Count(l => l.Count >= session.LabelsPerTrace),
            Labels = labels.Values.Sum(l => l.Count),
            Reviewers = reviewers.Select(r => new ReviewerProgress(r,
                labels.Values.Count(l => l.Any(a => a.Source.Id == r)),
                labels.Values.Count(l => l.All(a => a.Source.Id != r) && l.Count < session.LabelsPerTrace))).ToList(),
            // Only the session's labels: a trace relabelled here by the session's reviewers, not its older feedback.
            Agreement = HumanAgreement.Compute(definition, inQueue.Select(t => t.With(assessments: labels[t.Id])).ToList(), includeNonBlind: includeNonBlind),
        };
    }

    /// <summary>
    /// The judge beside each reviewer: Cohen's kappa between its verdicts and the reviewer's labels on the traces of
    /// the session both rated, with a bootstrap interval over those traces. The references to read it against are the
    /// reviewers' agreement with each other (<see cref="LabelingStatus.Agreement"/>) and always answering the most
    /// common label (kappa 0).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="traces">The session's traces with their assessments.</param>
    /// <param name="verdicts">The judge's verdicts, by trace id.</param>
    /// <param name="resamples">Bootstrap resamples for the intervals.</param>
    /// <param name="includeNonBlind">Whether to count labels given after the reviewer saw the judge's verdict (left out by default: they agree with the judge because they were anchored on it).</param>
    /// <returns>One entry per reviewer who shares a trace with the judge, in the order reviewers first appear.</returns>
    public static IReadOnlyList<JudgeReviewerAgreement> JudgeAgreement(LabelingSession session, IReadOnlyList<Trace> traces, IReadOnlyDictionary<string, FeedbackValue> verdicts,
        int resamples = 2_000, bool includeNonBlind = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(verdicts);
        var queued = session.TraceIds.ToHashSet(StringComparer.Ordinal);
        var pairs = traces.Where(t => queued.Contains(t.Id) && verdicts.ContainsKey(t.Id)).DistinctBy(t => t.Id)
            .SelectMany(t => LabelsOn(session, t).Where(label => includeNonBlind || label.IsBlind).Select(label => (Reviewer: label.Source.Id, Human: label.Value.ToString(), Judge: verdicts[t.Id].ToString())))
            .ToList();
        return pairs.GroupBy(p => p.Reviewer, StringComparer.Ordinal).Select(reviewer =>
        {
            IReadOnlyList<(string Human, string Judge)> rows = [.. reviewer.Select(p => (p.Human, p.Judge))];
            var kappa = CategoricalAgreement.Compute(rows).CohensKappa;
            return new JudgeReviewerAgreement(reviewer.Key, rows.Count, kappa,
                kappa is null ? null : PairedBootstrap.Interval(rows, sample => CategoricalAgreement.Compute(sample).CohensKappa, resamples));
        }).ToList();
    }
}
