namespace MemAlign;

/// <summary>
/// Aligns a judge with expert feedback. <see cref="MemAlignOptimizer"/> is the default; implement this
/// to plug in another strategy (for example one that rewrites the instructions and returns
/// <c>judge.WithDefinition(...)</c>).
/// </summary>
public interface IAlignmentOptimizer
{
    /// <summary>Returns a new judge aligned with the human feedback on <paramref name="traces"/>, and what it cost.</summary>
    Task<AlignmentResult<T>> AlignAsync<T>(Judge<T> judge, IReadOnlyList<Trace> traces, CancellationToken cancellationToken = default);
}
