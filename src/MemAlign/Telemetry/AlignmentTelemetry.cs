using System.Diagnostics;
using MemAlign.Alignment;
using static MemAlign.Telemetry.TelemetryNames;

namespace MemAlign.Telemetry;

/// <summary>An alignment or unalignment as a span (tokens, what the memory holds after) and a duration metric.</summary>
internal static class AlignmentTelemetry
{
    public static async Task<AlignedMemory> TraceAsync(string operation, string judge, string reflectionModel, int traces, TimeProvider clock, Func<Task<AlignedMemory>> align)
    {
        using var activity = MemAlignTelemetry.Source.StartActivity($"{operation} {judge}", ActivityKind.Internal);
        activity?.SetTag(OperationName, operation);
        activity?.SetTag(JudgeName, judge);
        activity?.SetTag(RequestModel, reflectionModel);
        activity?.SetTag(AlignmentTraces, traces);
        var started = clock.GetTimestamp();
        var tags = new TagList { { OperationName, operation }, { JudgeName, judge } };
        try
        {
            var aligned = await align().ConfigureAwait(false);
            activity?.SetTag(InputTokens, aligned.Report.Usage.InputTokens);
            activity?.SetTag(OutputTokens, aligned.Report.Usage.OutputTokens);
            activity?.SetTag(CacheReadInputTokens, aligned.Report.Usage.CachedInputTokens);
            activity?.SetTag(Guidelines, aligned.Memory.Guidelines.Count);
            activity?.SetTag(Examples, aligned.Memory.Examples.Count);
            MemAlignTelemetry.AlignmentDuration.Record(clock.GetElapsedTime(started).TotalSeconds, tags);
            return aligned;
        }
        catch (Exception e)
        {
            activity?.SetTag(ErrorType, e.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            tags.Add(ErrorType, e.GetType().FullName);
            MemAlignTelemetry.AlignmentDuration.Record(clock.GetElapsedTime(started).TotalSeconds, tags);
            throw;
        }
    }
}
