namespace MemAlign.Evaluation;

/// <summary>
/// Percentile bootstrap intervals over rows resampled with replacement (seeded, so reruns agree). For a
/// difference between two judges, both are scored on the same resampled rows (paired), so the interval
/// reflects the change, not the spread of the data.
/// </summary>
internal static class PairedBootstrap
{
    /// <summary>The default number of resamples.</summary>
    public const int DefaultResamples = 10_000;

    /// <summary>The default seed.</summary>
    public const int DefaultSeed = 20_240_613;

    /// <summary>The interval of <paramref name="statistic"/>, or <see langword="null"/> when it is undefined on the data.</summary>
    public static ConfidenceInterval? Interval<T>(IReadOnlyList<T> rows, Func<IReadOnlyList<T>, double?> statistic,
        int resamples = DefaultResamples, int seed = DefaultSeed, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        return Run(rows, sample => statistic(sample), resamples, seed, level);
    }

    /// <summary>The interval of <paramref name="after"/> minus <paramref name="before"/>, both computed on the same resampled rows.</summary>
    public static ConfidenceInterval? Difference<T>(IReadOnlyList<T> rows, Func<IReadOnlyList<T>, double?> before, Func<IReadOnlyList<T>, double?> after,
        int resamples = DefaultResamples, int seed = DefaultSeed, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Run(rows, sample => after(sample) - before(sample), resamples, seed, level);
    }

    /// <summary>
    /// The intervals of several statistics computed together on each resample (one pass, the same resamples as
    /// <see cref="Interval{T}"/> with the same seed), for statistics that share their work, such as all the
    /// agreement figures of one judge.
    /// </summary>
    internal static ConfidenceInterval?[] Intervals<T>(IReadOnlyList<T> rows, Func<IReadOnlyList<T>, double?[]> statistics, int resamples, int seed, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 100);
        if (rows.Count == 0)
        {
            return [];
        }

        var estimates = statistics(rows);
        var random = new Random(seed);
        var sample = new T[rows.Count];
        var values = estimates.Select(_ => new List<double>(resamples)).ToArray();
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = rows[random.Next(rows.Count)];
            }

            var computed = statistics(sample);
            for (var m = 0; m < values.Length; m++)
            {
                if (computed[m] is { } value && double.IsFinite(value))
                {
                    values[m].Add(value);
                }
            }
        }

        var tail = (1 - level) / 2;
        return estimates.Select((estimate, m) =>
        {
            if (estimate is null || values[m].Count < resamples / 2)
            {
                return null;
            }

            values[m].Sort();
            return new ConfidenceInterval(estimate.Value, Percentile(values[m], tail), Percentile(values[m], 1 - tail), level);
        }).ToArray();
    }

    private static ConfidenceInterval? Run<T>(IReadOnlyList<T> rows, Func<IReadOnlyList<T>, double?> statistic, int resamples, int seed, double level)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 100);
        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be between 0 and 1, such as 0.95.");
        }

        if (rows.Count == 0 || statistic(rows) is not { } estimate)
        {
            return null;
        }

        var random = new Random(seed);
        var sample = new T[rows.Count];
        var values = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = rows[random.Next(rows.Count)];
            }

            if (statistic(sample) is { } value && double.IsFinite(value))
            {
                values.Add(value);
            }
        }

        // A statistic undefined on most resamples (one class left, say) has no meaningful interval.
        if (values.Count < resamples / 2)
        {
            return null;
        }

        values.Sort();
        var tail = (1 - level) / 2;
        return new ConfidenceInterval(estimate, Percentile(values, tail), Percentile(values, 1 - tail), level);
    }

    private static double Percentile(List<double> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
