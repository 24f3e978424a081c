using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using static MemAlign.Telemetry.TelemetryNames;

namespace MemAlign.Telemetry;

/// <summary>
/// A judge evaluation as telemetry: a span with the GenAI attributes, the metrics, and the verdict as a
/// <c>gen_ai.evaluation.result</c> log record written while the span is current (so it carries the span's ids).
/// </summary>
internal static class JudgeTelemetry
{
    private static readonly EventId ResultEvent = new(1, EvaluationResultEvent);

    /// <summary>Starts the span of one evaluation, or returns null when nobody listens to MemAlign's source.</summary>
    public static Activity? Start(string judge, string requestModel, string traceId)
    {
        var activity = MemAlignTelemetry.Source.StartActivity($"{EvaluateOperation} {judge}", ActivityKind.Internal);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(OperationName, EvaluateOperation);
        activity.SetTag(RequestModel, requestModel);
        activity.SetTag(JudgeName, judge);
        activity.SetTag(TraceId, traceId);
        if (RunVersion(activity.Parent, judge) is { } version)
        {
            activity.SetTag(JudgeVersion, version);
        }

        return activity;
    }

    /// <summary>Records a verdict on its span, in the metrics and as the evaluation event; ends nothing (the caller disposes the span).</summary>
    public static void Record(Activity? activity, VerdictData verdict, string requestModel, JudgePrompt? prompt, JudgeOptions options)
    {
        var error = verdict.Error?.Kind.ToString();
        var tags = new TagList { { JudgeName, verdict.JudgeName }, { RequestModel, requestModel } };
        if (error is not null)
        {
            tags.Add(ErrorType, error);
        }

        MemAlignTelemetry.Evaluations.Add(1, tags);
        if (error is not null)
        {
            MemAlignTelemetry.EvaluationErrors.Add(1, tags);
        }

        MemAlignTelemetry.EvaluationDuration.Record(verdict.Latency.TotalSeconds, tags);
        if (verdict.ModelCalls > 0)
        {
            MemAlignTelemetry.TokenUsage.Record(verdict.Usage.InputTokens, [.. tags, new(TokenType, "input")]);
            MemAlignTelemetry.TokenUsage.Record(verdict.Usage.OutputTokens, [.. tags, new(TokenType, "output")]);
        }

        if (activity is not null)
        {
            activity.SetTag(ResponseModel, verdict.Model);
            activity.SetTag(InputTokens, verdict.Usage.InputTokens);
            activity.SetTag(OutputTokens, verdict.Usage.OutputTokens);
            activity.SetTag(CacheReadInputTokens, verdict.Usage.CachedInputTokens);
            activity.SetTag(RetrievedExamples, verdict.RetrievedExampleIds.Count);
            if (options.EnableSensitiveTelemetryData && prompt is not null)
            {
                activity.SetTag(InputMessages, InputMessagesJson(prompt));
            }

            if (verdict.Error is { } failure)
            {
                activity.SetTag(ErrorType, error);
                // The kind is always safe to export; the message may quote the trace, so only with the opt-in.
                activity.SetStatus(ActivityStatusCode.Error, options.EnableSensitiveTelemetryData ? failure.Message : error);
            }
        }

        if (verdict.Feedback is { } value && options.LoggerFactory?.CreateLogger(MemAlignTelemetry.SourceName) is { } logger && logger.IsEnabled(LogLevel.Information))
        {
            logger.Log(LogLevel.Information, ResultEvent, EventAttributes(verdict, value, options.EnableSensitiveTelemetryData), null, static (state, _) => Describe(state));
        }
    }

    // The version of the evaluation run this evaluation belongs to, when the run names this judge.
    private static object? RunVersion(Activity? parent, string judge)
    {
        for (var span = parent; span is not null; span = span.Parent)
        {
            if (span.Source == MemAlignTelemetry.Source && span.GetTagItem(JudgeName) is string name)
            {
                return name == judge ? span.GetTagItem(JudgeVersion) : null;
            }
        }

        return null;
    }

    private static List<KeyValuePair<string, object?>> EventAttributes(VerdictData verdict, FeedbackValue value, bool sensitive)
    {
        var attributes = new List<KeyValuePair<string, object?>>
        {
            new("event.name", EvaluationResultEvent),
            new(EvaluationName, verdict.JudgeName),
            new(EvaluationScoreLabel, value.ToString()),
            new(JudgeName, verdict.JudgeName),
            new(TraceId, verdict.TraceId),
        };
        if (Score(value) is { } score)
        {
            attributes.Add(new(EvaluationScoreValue, score));
        }

        if (verdict.Confidence is { } confidence)
        {
            attributes.Add(new(Confidence, confidence));
        }

        if (sensitive && verdict.Rationale is { } rationale)
        {
            attributes.Add(new(EvaluationExplanation, rationale));
        }

        return attributes;
    }

    // A number where the verdict is one (numeric judges; pass/fail as 1 or 0); a categorical verdict has only its label.
    private static double? Score(FeedbackValue value) => value.Kind switch
    {
        FeedbackValueKind.Number => value.AsNumber(),
        FeedbackValueKind.Boolean => value.AsBoolean() ? 1 : 0,
        _ => null,
    };

    private static string Describe(List<KeyValuePair<string, object?>> state) =>
        string.Create(CultureInfo.InvariantCulture, $"{EvaluationResultEvent}: {state.Find(p => p.Key == EvaluationName).Value} = {state.Find(p => p.Key == EvaluationScoreLabel).Value} on trace {state.Find(p => p.Key == TraceId).Value}");

    // The prompt in the conventions' message format: [{"role": ..., "parts": [{"type": "text", "content": ...}]}].
    private static string InputMessagesJson(JudgePrompt prompt) => new JsonArray(
        [.. new[] { ("system", prompt.SystemText), ("user", prompt.UserText) }.Select(m => (JsonNode)new JsonObject
        {
            ["role"] = m.Item1,
            ["parts"] = new JsonArray(new JsonObject { ["type"] = "text", ["content"] = m.Item2 }),
        })]).ToJsonString();
}
