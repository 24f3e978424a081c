namespace MemAlign.Storage;

/// <summary>How a store behaves: the clock it stamps records with.</summary>
public sealed record MemAlignStoreOptions
{
    /// <summary>The defaults.</summary>
    public static MemAlignStoreOptions Default { get; } = new();

    /// <summary>The clock for creation and update times; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = SystemClock.Default;
}
