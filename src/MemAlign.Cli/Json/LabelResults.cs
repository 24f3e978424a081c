using MemAlign.Labeling;

namespace MemAlign.Cli.Json;

/// <summary><c>memalign label create --json</c>: the session created.</summary>
/// <param name="Name">The session.</param>
/// <param name="Judge">The judge its labels are for.</param>
/// <param name="Traces">Traces in its queue.</param>
/// <param name="Order">uncertain, random or disagreement.</param>
/// <param name="First">The first ten traces of the queue.</param>
/// <param name="ShowJudge">When reviewers see the judge's verdict: after (their own label; the default), before, or never.</param>
internal sealed record LabelCreateResult(string Name, string Judge, int Traces, string Order, IReadOnlyList<string> First, string ShowJudge) : JsonResult;

/// <summary><c>memalign label list --json</c>: the experiment's labeling sessions.</summary>
/// <param name="Sessions">The sessions, by name.</param>
internal sealed record LabelListResult(IReadOnlyList<LabelingSessionJson> Sessions) : JsonResult;

/// <summary>A labeling session.</summary>
/// <param name="Name">The session.</param>
/// <param name="Judge">The judge its labels are for.</param>
/// <param name="Traces">Traces in its queue.</param>
/// <param name="LabelsPerTrace">Labels each trace should get from different reviewers.</param>
/// <param name="Order">uncertain, random or disagreement.</param>
/// <param name="Reviewers">Who labels; empty: anyone with the link.</param>
/// <param name="Filter">The filter its traces were chosen by, or null.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ShowJudge">When reviewers see the judge's verdict: after, before or never.</param>
internal sealed record LabelingSessionJson(string Name, string Judge, int Traces, int LabelsPerTrace, string Order, IReadOnlyList<string> Reviewers, string? Filter, DateTimeOffset CreatedAt,
    string ShowJudge)
{
    public static LabelingSessionJson From(LabelingSession session) =>
        new(session.Name, session.JudgeName, session.TraceIds.Count, session.LabelsPerTrace, JsonResult.Name(session.Order), session.Reviewers, session.Filter, session.CreatedAt,
            Commands.LabelCommands.ShowJudgeName(session.ShowJudge));
}

/// <summary><c>memalign label status NAME --json</c>: progress, the reviewers' agreement, and the judge's agreement with each reviewer.</summary>
/// <param name="Name">The session.</param>
/// <param name="Judge">The judge its labels are for.</param>
/// <param name="Traces">Traces in its queue.</param>
/// <param name="Complete">Traces with all their labels.</param>
/// <param name="Labels">Labels given.</param>
/// <param name="Reviewers">Each reviewer's progress.</param>
/// <param name="Agreement">The reviewers' agreement with each other so far.</param>
/// <param name="JudgeAgreement">The judge's Cohen's kappa with each reviewer; empty while the judge has no verdicts on the labelled traces.</param>
internal sealed record LabelStatusResult(string Name, string Judge, int Traces, int Complete, int Labels, IReadOnlyList<ReviewerProgressJson> Reviewers, HumanAgreementJson Agreement,
    IReadOnlyList<JudgeReviewerJson> JudgeAgreement) : JsonResult
{
    public static LabelStatusResult From(LabelingStatus status, IReadOnlyList<JudgeReviewerAgreement> judge) => new(status.Session.Name, status.Session.JudgeName, status.Traces,
        status.Complete, status.Labels, [.. status.Reviewers.Select(r => new ReviewerProgressJson(r.Reviewer, r.Labelled, r.Remaining))], HumanAgreementJson.From(status.Agreement)!,
        [.. judge.Select(p => new JudgeReviewerJson(p.Reviewer, p.Kappa, p.KappaInterval?.Lower, p.KappaInterval?.Upper, p.SharedTraces))]);
}

/// <summary>A reviewer's progress in a session.</summary>
/// <param name="Reviewer">The reviewer.</param>
/// <param name="Labelled">Traces they labelled.</param>
/// <param name="Waiting">Traces still waiting for their label.</param>
internal sealed record ReviewerProgressJson(string Reviewer, int Labelled, int Waiting);

/// <summary>The judge's agreement with one reviewer.</summary>
/// <param name="Reviewer">The reviewer.</param>
/// <param name="Kappa">Cohen's kappa between the judge's verdicts and the reviewer's labels.</param>
/// <param name="Lower">Its 95% interval's lower end.</param>
/// <param name="Upper">Its upper end.</param>
/// <param name="Traces">Traces both labelled.</param>
internal sealed record JudgeReviewerJson(string Reviewer, double? Kappa, double? Lower, double? Upper, int Traces);

/// <summary><c>memalign label serve --json</c>: written once the server listens; the command then runs until Ctrl+C.</summary>
/// <param name="Session">The session served.</param>
/// <param name="Address">The server's address.</param>
/// <param name="Links">One link per reviewer, each with its own token.</param>
/// <param name="OperatorUrl">The operator's link: each reviewer's progress and their agreement; keep it from the reviewers.</param>
internal sealed record LabelServeResult(string Session, string Address, IReadOnlyList<ReviewerLinkJson> Links, string OperatorUrl) : JsonResult;

/// <summary>A reviewer's link.</summary>
/// <param name="Reviewer">The reviewer.</param>
/// <param name="Url">Their link, carrying their token: send it to them only.</param>
internal sealed record ReviewerLinkJson(string Reviewer, string Url);

/// <summary><c>memalign label simulate --json</c>: held-out agreement against labels used, per order.</summary>
/// <param name="Judge">The judge.</param>
/// <param name="Metric">The metric, such as "accuracy" or "MAE".</param>
/// <param name="LowerIsBetter">Whether smaller is better.</param>
/// <param name="Pool">Labelled traces replayed.</param>
/// <param name="Test">Traces held out and scored after each step.</param>
/// <param name="Step">Labels per step.</param>
/// <param name="Repeats">Runs averaged.</param>
/// <param name="Majority">What always answering the most common label scores.</param>
/// <param name="Offline">Whether the verdicts came from the local judge.</param>
/// <param name="Curves">One curve per order.</param>
internal sealed record LabelSimulateResult(string Judge, string Metric, bool LowerIsBetter, int Pool, int Test, int Step, int Repeats, double? Majority, bool Offline,
    IReadOnlyList<SimulationCurveJson> Curves) : JsonResult
{
    public static LabelSimulateResult From(SimulationReport report) => new(report.JudgeName, report.Metric, report.LowerIsBetter, report.PoolTraces, report.TestTraces, report.Step,
        report.Repeats, report.Majority, report.Offline,
        [.. report.Curves.Select(c => new SimulationCurveJson(Name(c.Order), report.Area(c.Order), [.. c.Points.Select(p => new SimulationPointJson(p.Labels, p.Value, p.Kappa, p.Lowest, p.Highest))]))]);
}

/// <summary>One order's curve.</summary>
/// <param name="Order">uncertain or random.</param>
/// <param name="Mean">The metric's mean over the steps.</param>
/// <param name="Points">After each step.</param>
internal sealed record SimulationCurveJson(string Order, double? Mean, IReadOnlyList<SimulationPointJson> Points);

/// <summary>Held-out agreement after a step.</summary>
/// <param name="Labels">Labels used so far.</param>
/// <param name="Value">The metric, mean over runs.</param>
/// <param name="Kappa">The chance-corrected metric, mean over runs.</param>
/// <param name="Lowest">The lowest run's metric.</param>
/// <param name="Highest">The highest run's metric.</param>
internal sealed record SimulationPointJson(int Labels, double? Value, double? Kappa, double? Lowest, double? Highest);
