using System.Diagnostics;
using MemAlign.Import;

namespace MemAlign.OpenTelemetry;

/// <summary>An <see cref="Activity"/> as the core's neutral <see cref="GenAiSpan"/>.</summary>
internal static class ActivitySpans
{
    public static GenAiSpan From(Activity activity, IReadOnlyDictionary<string, object?> resource)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in activity.TagObjects)
        {
            attributes[key] = value;
        }

        return new GenAiSpan(activity.TraceId.ToHexString(), activity.SpanId.ToHexString(), new DateTimeOffset(DateTime.SpecifyKind(activity.StartTimeUtc, DateTimeKind.Utc)), attributes)
        {
            Name = activity.DisplayName,
            ParentSpanId = activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString(),
            Duration = activity.Duration,
            ResourceAttributes = resource,
        };
    }
}
