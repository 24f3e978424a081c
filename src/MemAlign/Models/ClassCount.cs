namespace MemAlign.Models;

/// <summary>A label and how many labels in memory carry it (examples counted by their weight).</summary>
internal sealed record ClassCount(FeedbackValue Value, int Count);
