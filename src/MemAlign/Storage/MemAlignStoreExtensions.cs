namespace MemAlign.Storage;

/// <summary>Conveniences over <see cref="IMemAlignStore"/>: one trace, whole judges, and updates of registered judges.</summary>
public static class MemAlignStoreExtensions
{
    /// <summary>Adds or replaces one trace with its tags and assessments.</summary>
    public static Task<int> AddTraceAsync(this ITraceStore store, string experiment, Trace trace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(trace);
        return store.AddTracesAsync(experiment, [trace], cancellationToken);
    }

    /// <summary>Registers a snapshot of <paramref name="judge"/> (definition and memory) as the next version of its name.</summary>
    public static async Task<JudgeVersionInfo> RegisterJudgeAsync(this IJudgeRegistry store, string experiment, Judge judge,
        IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(judge);
        var memory = await judge.MemoryAsync(cancellationToken).ConfigureAwait(false);
        return await store.RegisterJudgeAsync(experiment, judge.Definition, memory, settings, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers a new version of a judge that is already registered (after aligning it again, say).</summary>
    /// <exception cref="KeyNotFoundException">No version of the judge is registered: use <see cref="RegisterJudgeAsync(IJudgeRegistry, string, Judge, IReadOnlyDictionary{string, string}?, CancellationToken)"/>.</exception>
    public static async Task<JudgeVersionInfo> UpdateJudgeAsync(this IJudgeRegistry store, string experiment, Judge judge,
        IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(judge);
        var versions = await store.ListJudgeVersionsAsync(experiment, judge.Name, cancellationToken).ConfigureAwait(false);
        return versions.Count == 0
            ? throw new KeyNotFoundException($"Judge '{judge.Name}' is not registered in experiment '{experiment}'; register it first.")
            : await store.RegisterJudgeAsync(experiment, judge, settings, cancellationToken).ConfigureAwait(false);
    }
}
