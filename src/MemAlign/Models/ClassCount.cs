namespace MemAlign.Models;

/// <summary>A label and how many examples in memory carry it.</summary>
internal sealed record ClassCount(FeedbackValue Value, int Count);
