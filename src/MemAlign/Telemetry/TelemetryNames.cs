namespace MemAlign.Telemetry;

/// <summary>
/// Every name MemAlign's spans, metrics and events carry, in one place: the OpenTelemetry GenAI semantic conventions
/// are still being renamed upstream, and a rename should be one edit here.
/// </summary>
internal static class TelemetryNames
{
    // Operations (gen_ai.operation.name): MemAlign's own, as the conventions allow for operations they do not list.
    public const string EvaluateOperation = "evaluate_judge";
    public const string AlignOperation = "align_judge";
    public const string UnalignOperation = "unalign_judge";
    public const string EvaluationRunOperation = "evaluation_run";

    // GenAI semantic conventions.
    public const string OperationName = "gen_ai.operation.name";
    public const string RequestModel = "gen_ai.request.model";
    public const string ResponseModel = "gen_ai.response.model";
    public const string InputTokens = "gen_ai.usage.input_tokens";
    public const string OutputTokens = "gen_ai.usage.output_tokens";
    public const string CacheReadInputTokens = "gen_ai.usage.cache_read.input_tokens";
    public const string TokenType = "gen_ai.token.type";
    public const string InputMessages = "gen_ai.input.messages";
    public const string EvaluationResultEvent = "gen_ai.evaluation.result";
    public const string EvaluationName = "gen_ai.evaluation.name";
    public const string EvaluationScoreValue = "gen_ai.evaluation.score.value";
    public const string EvaluationScoreLabel = "gen_ai.evaluation.score.label";
    public const string EvaluationExplanation = "gen_ai.evaluation.explanation";
    public const string ErrorType = "error.type";

    // MemAlign's own attributes.
    public const string JudgeName = "memalign.judge.name";
    public const string JudgeVersion = "memalign.judge.version";
    public const string TraceId = "memalign.trace.id";
    public const string Confidence = "memalign.evaluation.confidence";
    public const string RetrievedExamples = "memalign.judge.retrieved_examples";
    public const string AlignmentTraces = "memalign.alignment.traces";
    public const string Guidelines = "memalign.memory.guidelines";
    public const string Examples = "memalign.memory.examples";
    public const string RunId = "memalign.run.id";
    public const string RunCompleted = "memalign.run.completed";
    public const string RunErrors = "memalign.run.errors";
    public const string RunResumed = "memalign.run.resumed";

    // Metrics.
    public const string EvaluationsMetric = "memalign.judge.evaluations";
    public const string EvaluationErrorsMetric = "memalign.judge.errors";
    public const string EvaluationDurationMetric = "memalign.judge.evaluation.duration";
    public const string AlignmentDurationMetric = "memalign.alignment.duration";
    public const string TokenUsageMetric = "gen_ai.client.token.usage";
}
