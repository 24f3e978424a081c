using System.Data.Common;
using MemAlign.Evaluation;

namespace MemAlign.Storage.Sql.Rows;

/// <summary>A row of <c>eval_runs</c>.</summary>
internal sealed record EvaluationRunRow(string RunId, string Experiment, string Name, long CreatedAt, string Settings, string Kind, string? JudgeName, int? JudgeVersion, int ForgottenTraces)
{
    public const string Columns = "run_id, experiment, name, created_at, settings, kind, judge_name, judge_version, forgotten_traces";

    public static EvaluationRunRow Read(DbDataReader row) => new(
        row.Text("run_id"), row.Text("experiment"), row.Text("name"), row.Long("created_at"), row.Text("settings"),
        row.Text("kind"), row.NullableText("judge_name"), row.NullableInt("judge_version"), row.Int("forgotten_traces"));

    public EvaluationRun ToRun() => new(RunId, Experiment, Name, new DateTimeOffset(CreatedAt, TimeSpan.Zero), StoredJson.ReadStrings(Settings))
    {
        Kind = Enum.Parse<EvaluationRunKind>(Kind),
        JudgeName = JudgeName,
        JudgeVersion = JudgeVersion,
        ForgottenTraces = ForgottenTraces,
    };
}

/// <summary>A row of <c>eval_results</c>; the traces whose examples it was shown are rows of <c>eval_result_examples</c>.</summary>
internal sealed record EvaluationResultRow(
    string TraceId, string JudgeName, string? Value, string? Rationale, string? ErrorKind, string? Error, string? Model, long InputTokens, long OutputTokens, double LatencyMs, long CreatedAt,
    bool Redacted, long CachedInputTokens, string? AnsweredBy, long ReasoningTokens, string? Pairwise)
{
    public const string Columns = "trace_id, judge_name, value, rationale, error_kind, error, model, input_tokens, output_tokens, latency_ms, created_at, redacted, cached_input_tokens, answered_by, reasoning_tokens, pairwise";

    public static EvaluationResultRow Read(DbDataReader row) => new(
        row.Text("trace_id"), row.Text("judge_name"), row.NullableText("value"), row.NullableText("rationale"), row.NullableText("error_kind"),
        row.NullableText("error"), row.NullableText("model"), row.Long("input_tokens"), row.Long("output_tokens"), row.Double("latency_ms"), row.Long("created_at"),
        row.Int("redacted") != 0, row.Long("cached_input_tokens"), row.NullableText("answered_by"), row.Long("reasoning_tokens"), row.NullableText("pairwise"));

    public EvaluationRecord ToRecord(IReadOnlyList<string> retrieved) => new()
    {
        TraceId = TraceId,
        JudgeName = JudgeName,
        Value = Value is null ? null : StoredJson.ReadValue(Value),
        Rationale = Rationale,
        Error = ErrorKind is null ? null : new JudgeError(Enum.Parse<JudgeErrorKind>(ErrorKind), Error ?? ""),
        Model = Model,
        Usage = new TokenUsage(InputTokens, OutputTokens) { CachedInputTokens = CachedInputTokens, ReasoningTokens = ReasoningTokens },
        Latency = TimeSpan.FromMilliseconds(LatencyMs),
        CreatedAt = new DateTimeOffset(CreatedAt, TimeSpan.Zero),
        RetrievedExampleIds = retrieved,
        Redacted = Redacted,
        AnsweredBy = AnsweredBy is null ? null : Enum.Parse<CascadeStage>(AnsweredBy),
        Pairwise = PairwiseOrders.Parse(Pairwise),
    };
}
