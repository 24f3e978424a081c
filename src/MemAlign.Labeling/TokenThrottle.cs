using System.Collections.Concurrent;
using System.Net;

namespace MemAlign.Labeling;

/// <summary>
/// Slows down guessing tokens: after <see cref="FreeFailures"/> wrong tokens from one client address, every request from
/// it, even with the right token, is refused (429) until a wait that doubles with each further failure (up to
/// <see cref="MaxWait"/>). A right token clears the address's count. Addresses are forgotten once their wait is long over.
/// </summary>
internal sealed class TokenThrottle(TimeProvider time)
{
    /// <summary>Wrong tokens an address may present before it waits.</summary>
    public const int FreeFailures = 5;

    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    // More addresses than this and the oldest are forgotten (a flood of addresses cannot grow memory without bound).
    private const int MaxAddresses = 10_000;

    private readonly ConcurrentDictionary<IPAddress, Failures> _failures = new();

    private sealed record Failures(int Count, DateTimeOffset Until);

    /// <summary>How long the address must still wait, or <see cref="TimeSpan.Zero"/>.</summary>
    public TimeSpan WaitFor(IPAddress? address) =>
        address is not null && _failures.TryGetValue(address, out var failures) && failures.Until > time.GetUtcNow() ? failures.Until - time.GetUtcNow() : TimeSpan.Zero;

    /// <summary>Counts a wrong token from <paramref name="address"/>; returns the failures so far and the wait they impose.</summary>
    public (int Failures, TimeSpan Wait) Failed(IPAddress? address)
    {
        if (address is null)
        {
            return (0, TimeSpan.Zero);
        }

        if (_failures.Count >= MaxAddresses)
        {
            foreach (var old in _failures.Where(f => f.Value.Until < time.GetUtcNow() - MaxWait).Select(f => f.Key).ToList())
            {
                _failures.TryRemove(old, out _);
            }
        }

        var now = time.GetUtcNow();
        var updated = _failures.AddOrUpdate(address, _ => new Failures(1, now), (_, f) =>
        {
            var count = f.Count + 1;
            var wait = count <= FreeFailures ? TimeSpan.Zero
                : TimeSpan.FromSeconds(Math.Min(MaxWait.TotalSeconds, Math.Pow(2, Math.Min(count - FreeFailures - 1, 10))));
            return new Failures(count, now + wait);
        });
        return (updated.Count, updated.Until > now ? updated.Until - now : TimeSpan.Zero);
    }

    /// <summary>A right token: the address starts afresh.</summary>
    public void Succeeded(IPAddress? address)
    {
        if (address is not null)
        {
            _failures.TryRemove(address, out _);
        }
    }
}
