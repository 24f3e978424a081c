using System.Collections.Concurrent;

namespace MemAlign.Storage.Sql;

/// <summary>
/// When a store's writes have grown an experiment enough that the planner's statistics on it are stale: after 1,000 traces
/// written to it, then each time the count written has grown fourfold (4,000, 16,000, ...). A few refreshes for any import,
/// each while the plans they correct would still scan a small range.
/// </summary>
internal sealed class StatisticsSchedule
{
    private const long First = 1_000;
    private const long Growth = 4;

    private readonly ConcurrentDictionary<string, (long Written, long Next)> _experiments = new(StringComparer.Ordinal);

    /// <summary>Counts <paramref name="written"/> more traces in <paramref name="experiment"/>; true when its statistics are now due.</summary>
    public bool Record(string experiment, int written)
    {
        var due = false;
        _experiments.AddOrUpdate(experiment, _ => Advance((0, First)), (_, state) => Advance(state));
        return due;

        (long, long) Advance((long Written, long Next) state)
        {
            var total = state.Written + written;
            due = total >= state.Next;
            return (total, due ? Math.Max(state.Next, total) * Growth : state.Next);
        }
    }
}
