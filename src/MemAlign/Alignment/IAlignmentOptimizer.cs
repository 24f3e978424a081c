namespace MemAlign;

/// <summary>
/// Aligns a judge's memory with expert feedback. It works on what a judge is and knows (its definition
/// and memory), not on the judge object, so one optimizer serves judges of every value type;
/// <c>judge.AlignAsync(traces, optimizer)</c> wraps it and returns a judge of the same type.
/// <see cref="MemAlignOptimizer"/> is the default.
/// </summary>
public interface IAlignmentOptimizer
{
    /// <summary>Learns from the human feedback on <paramref name="traces"/>: the new memory, the embedder it was made with, and what it cost.</summary>
    Task<AlignedMemory> AlignAsync(JudgeDefinition definition, JudgeMemory memory, IReadOnlyList<Trace> traces, CancellationToken cancellationToken = default);

    /// <summary>Forgets what was learned from <paramref name="traceIds"/>; with <paramref name="redistill"/>, guidelines that lost sources are distilled again.</summary>
    Task<AlignedMemory> UnalignAsync(JudgeDefinition definition, JudgeMemory memory, IReadOnlyCollection<string> traceIds, bool redistill = false, CancellationToken cancellationToken = default);
}
