using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace MemAlign.Evaluators;

/// <summary>
/// A MemAlign judge, aligned or not, as an <see cref="IEvaluator"/> of Microsoft.Extensions.AI.Evaluation. Each
/// evaluation gives the judge one trace (inputs from the messages, outputs from the response, more fields from a
/// <see cref="JudgeTraceContext"/>) and returns one metric named after the judge: a <see cref="BooleanMetric"/> for
/// a pass/fail judge, a <see cref="NumericMetric"/> for a scale, a <see cref="StringMetric"/> for categories or
/// text, with the judge's rationale as its reason. A verdict without a value (the model failed, its replies stayed
/// unusable, the rubric needs a field the trace lacks) gives an error diagnostic and a failed interpretation: it
/// never passes quietly. Only cancellation throws.
/// </summary>
/// <remarks>
/// The judge calls its own model: the <see cref="ChatConfiguration"/> passed to <see cref="EvaluateAsync"/> is not
/// used. Safe to use from many threads at once, as the judge is.
/// </remarks>
public sealed class JudgeEvaluator : IEvaluator
{
    // Five bands along a scale: on 1..5, 1 is unacceptable, 2 poor, 3 average, 4 good, 5 exceptional.
    private static readonly EvaluationRating[] ScaleRatings =
        [EvaluationRating.Unacceptable, EvaluationRating.Poor, EvaluationRating.Average, EvaluationRating.Good, EvaluationRating.Exceptional];

    private readonly JudgeEvaluatorOptions _options;

    /// <summary>Creates an evaluator for <paramref name="judge"/>.</summary>
    /// <exception cref="ArgumentException">The metric name is blank, or the passing score lies outside the judge's scale.</exception>
    public JudgeEvaluator(Judge judge, JudgeEvaluatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(judge);
        Judge = judge;
        _options = options ?? JudgeEvaluatorOptions.Default;
        MetricName = _options.MetricName ?? judge.Name;
        ArgumentException.ThrowIfNullOrWhiteSpace(MetricName, $"{nameof(options)}.{nameof(JudgeEvaluatorOptions.MetricName)}");
        var type = judge.Definition.ValueType;
        if (_options.PassingScore is { } score && (type.Kind is not (FeedbackTypeKind.Integer or FeedbackTypeKind.Number) || score < type.Minimum || score > type.Maximum))
        {
            throw new ArgumentException(
                $"Judge '{judge.Name}' returns {type}: a passing score of {score.ToString(CultureInfo.InvariantCulture)} "
                + (type.Minimum is null ? "applies only to numeric judges." : "lies outside its scale."), nameof(options));
        }

        if (_options.PassingOptions is { } passing && passing.FirstOrDefault(o => !type.Options.Contains(o, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            throw new ArgumentException(
                $"Judge '{judge.Name}' returns {type}: the passing option \"{unknown}\" is not one of its options.", nameof(options));
        }
    }

    /// <summary>The judge.</summary>
    public Judge Judge { get; }

    /// <summary>The name of the one metric this evaluator returns (the judge's name unless the options give another).</summary>
    public string MetricName { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    /// <summary>
    /// Judges <paramref name="modelResponse"/> to <paramref name="messages"/>. Inputs are the user's message when the
    /// conversation has one user turn (after any system prompt), otherwise the whole conversation as a message list;
    /// outputs are the response's text; a <see cref="JudgeTraceContext"/> in <paramref name="additionalContext"/> adds
    /// expectations or replaces either.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(modelResponse);
        var contexts = additionalContext?.OfType<JudgeTraceContext>().ToList() ?? [];
        var trace = EvaluatedTrace.Create(messages, modelResponse, contexts, Judge.Options.TimeProvider);

        EvaluationMetric metric;
        try
        {
            var verdict = await Judge.EvaluateAsync(trace, cancellationToken).ConfigureAwait(false);
            metric = Metric(verdict);
            AddMetadata(metric, trace, verdict);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Judges report failures as error verdicts; a judge class of the user's own may still throw, and that too must fail the metric.
            metric = EmptyMetric();
            Fail(metric, $"Judge '{Judge.Name}' failed on trace '{trace.Id}': {e.GetType().Name}: {e.Message}", e.GetType().Name);
            AddMetadata(metric, trace, null);
        }

        if (contexts.Count > 0)
        {
            metric.AddOrUpdateContext(contexts);
        }

        return new EvaluationResult(metric);
    }

    private EvaluationMetric Metric(JudgeVerdict verdict)
    {
        if (verdict.Feedback is not { } value)
        {
            var failed = EmptyMetric();
            var error = verdict.Error!;
            Fail(failed, $"Judge '{verdict.JudgeName}' gave no verdict for trace '{verdict.TraceId}': {error}", error.Kind.ToString());
            return failed;
        }

        EvaluationMetric metric = Judge.Definition.ValueType.Kind switch
        {
            FeedbackTypeKind.Boolean => new BooleanMetric(MetricName, value.AsBoolean(), verdict.Rationale),
            FeedbackTypeKind.Integer or FeedbackTypeKind.Number => new NumericMetric(MetricName, value.AsNumber(), verdict.Rationale),
            _ => new StringMetric(MetricName, value.ToString(), verdict.Rationale),
        };
        metric.Interpretation = _options.Interpret is { } interpret ? interpret(verdict) : Interpret(value);
        return metric;
    }

    // The metric of the judge's kind with no value, for a verdict that has none.
    private EvaluationMetric EmptyMetric() => Judge.Definition.ValueType.Kind switch
    {
        FeedbackTypeKind.Boolean => new BooleanMetric(MetricName),
        FeedbackTypeKind.Integer or FeedbackTypeKind.Number => new NumericMetric(MetricName),
        _ => new StringMetric(MetricName),
    };

    private static void Fail(EvaluationMetric metric, string message, string kind)
    {
        metric.AddDiagnostics(EvaluationDiagnostic.Error(message));
        metric.Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Unacceptable, failed: true, reason: $"The judge gave no verdict ({kind}); see the error diagnostic.");
        metric.AddOrUpdateMetadata(JudgeEvaluatorMetadata.ErrorKind, kind);
    }

    private EvaluationMetricInterpretation? Interpret(FeedbackValue value)
    {
        var type = Judge.Definition.ValueType;
        switch (type.Kind)
        {
            case FeedbackTypeKind.Boolean:
                // As the evaluation package's own pass/fail evaluators rate: a pass is exceptional, a fail unacceptable.
                return value.AsBoolean()
                    ? new EvaluationMetricInterpretation(EvaluationRating.Exceptional, failed: false, reason: "The judge passed the response.")
                    : new EvaluationMetricInterpretation(EvaluationRating.Unacceptable, failed: true, reason: "The judge failed the response.");

            case FeedbackTypeKind.Integer or FeedbackTypeKind.Number:
                var (min, max, number) = (type.Minimum!.Value, type.Maximum!.Value, value.AsNumber());
                var passing = _options.PassingScore ?? min + (0.75 * (max - min));
                var band = (int)Math.Round(4 * (number - min) / (max - min), MidpointRounding.AwayFromZero);
                var failed = number < passing;
                return new EvaluationMetricInterpretation(ScaleRatings[Math.Clamp(band, 0, 4)], failed,
                    $"{Format(number)} is {(failed ? "below" : "at or above")} the passing score {Format(passing)} on the scale {Format(min)}..{Format(max)}.");

            case FeedbackTypeKind.Categorical when _options.PassingOptions is { } passingOptions:
                var passes = passingOptions.Contains(value.AsText(), StringComparer.OrdinalIgnoreCase);
                return new EvaluationMetricInterpretation(passes ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: !passes,
                    $"\"{value.AsText()}\" is {(passes ? "" : "not ")}one of the passing options ({string.Join(", ", passingOptions)}).");

            default:
                return null;
        }
    }

    private void AddMetadata(EvaluationMetric metric, Trace trace, JudgeVerdict? verdict)
    {
        metric.AddOrUpdateMetadata(JudgeEvaluatorMetadata.JudgeName, Judge.Name);
        if (_options.JudgeVersion is { } version)
        {
            metric.AddOrUpdateMetadata(JudgeEvaluatorMetadata.JudgeVersion, version.ToString(CultureInfo.InvariantCulture));
        }

        metric.AddOrUpdateMetadata(JudgeEvaluatorMetadata.Model, verdict?.Model ?? Judge.ModelId);
        metric.AddOrUpdateMetadata(JudgeEvaluatorMetadata.TraceId, trace.Id);
        metric.AddOrUpdateMetadata(JudgeEvaluatorMetadata.Guidelines, Judge.Memory.Guidelines.Count.ToString(CultureInfo.InvariantCulture));
        metric.AddOrUpdateMetadata(JudgeEvaluatorMetadata.Examples, Judge.Memory.Examples.Count.ToString(CultureInfo.InvariantCulture));
        if (verdict is null)
        {
            return;
        }

        if (verdict.RetrievedExampleIds.Count > 0)
        {
            metric.AddOrUpdateMetadata(JudgeEvaluatorMetadata.RetrievedExamples, string.Join(",", verdict.RetrievedExampleIds));
        }

        if (verdict.Confidence is { } confidence)
        {
            metric.AddOrUpdateMetadata(JudgeEvaluatorMetadata.Confidence, Format(confidence));
        }

        // The package's own keys for the model, tokens and duration, which its reports show for every evaluator.
        var usage = new UsageDetails
        {
            InputTokenCount = verdict.Usage.InputTokens,
            OutputTokenCount = verdict.Usage.OutputTokens,
            TotalTokenCount = verdict.Usage.TotalTokens,
        };
        metric.AddOrUpdateChatMetadata(new ChatResponse { ModelId = verdict.Model, Usage = usage }, verdict.Latency);
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
