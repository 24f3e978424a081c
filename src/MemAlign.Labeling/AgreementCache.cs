using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MemAlign.Labeling;

/// <summary>
/// The status view's agreement statistics (bootstrap intervals: the costly part of the app), computed once and again
/// only when the session's labels change, whichever server changed them: the key is a digest of the labels as the store
/// holds them now (each label's trace, id, value and update time), plus how many verdicts the judge agreement draws on.
/// </summary>
/// <typeparam name="T">What is computed.</typeparam>
internal sealed class AgreementCache<T>
{
    private Entry? _last;

    private sealed record Entry(string Key, Lazy<Task<T>> Value)
    {
        public bool Failed => Value.IsValueCreated && (Value.Value.IsFaulted || Value.Value.IsCanceled);
    }

    /// <summary>The value for these labels: the cached one when they did not change, else <paramref name="compute"/>'s (once, however many ask at the same time).</summary>
    public Task<T> GetAsync(IReadOnlyDictionary<string, IReadOnlyList<Assessment>> labels, int verdicts, Func<Task<T>> compute)
    {
        var key = Key(labels, verdicts);
        while (true)
        {
            var last = Volatile.Read(ref _last);
            if (last is not null && last.Key == key && !last.Failed)
            {
                return last.Value.Value;
            }

            var entry = new Entry(key, new Lazy<Task<T>>(compute));
            if (Interlocked.CompareExchange(ref _last, entry, last) == last)
            {
                return entry.Value.Value;
            }
        }
    }

    private static string Key(IReadOnlyDictionary<string, IReadOnlyList<Assessment>> labels, int verdicts)
    {
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (traceId, onTrace) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            foreach (var label in onTrace.OrderBy(a => a.Id, StringComparer.Ordinal))
            {
                digest.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                    $"{traceId}\u001f{label.Id}\u001f{label.Source.Id}\u001f{label.Value}\u001f{label.UpdatedAt.UtcTicks}\u001e")));
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Convert.ToHexString(digest.GetHashAndReset())}/{labels.Count}/{verdicts}");
    }
}
