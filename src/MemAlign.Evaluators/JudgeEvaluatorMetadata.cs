namespace MemAlign.Evaluators;

/// <summary>
/// The metadata a <see cref="JudgeEvaluator"/> adds to its metric, besides the evaluation package's own
/// (<c>eval-model</c>, <c>eval-input-tokens</c> and the other token counts, <c>eval-duration-ms</c>).
/// </summary>
public static class JudgeEvaluatorMetadata
{
    /// <summary>The judge's name.</summary>
    public const string JudgeName = "memalign-judge";

    /// <summary>The judge's version in a registry, when <see cref="JudgeEvaluatorOptions.JudgeVersion"/> gives it.</summary>
    public const string JudgeVersion = "memalign-judge-version";

    /// <summary>The judge's model, as the verdict reports it (or the judge's model id when no model answered).</summary>
    public const string Model = "memalign-model";

    /// <summary>The id of the trace the judge was given.</summary>
    public const string TraceId = "memalign-trace-id";

    /// <summary>How many guidelines the judge's memory holds (0 for an unaligned judge).</summary>
    public const string Guidelines = "memalign-guidelines";

    /// <summary>How many labelled examples the judge's memory holds (0 for an unaligned judge).</summary>
    public const string Examples = "memalign-examples";

    /// <summary>The trace ids of the examples retrieved for this verdict, comma-separated, when there were any.</summary>
    public const string RetrievedExamples = "memalign-retrieved-examples";

    /// <summary>How sure the judge was (0 to 1), when its model says (the local judge does).</summary>
    public const string Confidence = "memalign-confidence";

    /// <summary>Why the judge gave no verdict (a <see cref="JudgeErrorKind"/>), on a failed evaluation.</summary>
    public const string ErrorKind = "memalign-error-kind";
}
