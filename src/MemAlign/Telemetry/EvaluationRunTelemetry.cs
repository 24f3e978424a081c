using System.Diagnostics;
using static MemAlign.Telemetry.TelemetryNames;

namespace MemAlign.Telemetry;

/// <summary>An evaluation run as a span: the parent of its judges' evaluation spans, with what it finished.</summary>
internal static class EvaluationRunTelemetry
{
    public static Activity? Start(IReadOnlyList<IJudge> judges, int? version)
    {
        var single = judges.Count == 1 ? judges[0].Name : null;
        var activity = MemAlignTelemetry.Source.StartActivity($"{EvaluationRunOperation} {single ?? $"{judges.Count} judges"}", ActivityKind.Internal);
        activity?.SetTag(OperationName, EvaluationRunOperation);
        if (single is not null)
        {
            activity?.SetTag(JudgeName, single);
            activity?.SetTag(JudgeVersion, version);
        }

        return activity;
    }

    public static void Finish(Activity? activity, int completed, int errors, int resumed)
    {
        activity?.SetTag(RunCompleted, completed);
        activity?.SetTag(RunErrors, errors);
        activity?.SetTag(RunResumed, resumed);
    }
}
