namespace MemAlign.Evaluation;

/// <summary>
/// Exact (Clopper-Pearson) binomial bounds and the exact one-sided binomial test, from the binomial tail itself:
/// no normal approximation, so the bounds hold at any sample size, however small. The tail is summed in log space
/// from the recurrence between consecutive probabilities, and bounds are found by bisection (the tail is monotone in p).
/// </summary>
internal static class ClopperPearson
{
    // Bisection to 1e-15, well below the three decimals reports print.
    private const int Iterations = 50;

    /// <summary>P(X &gt;= <paramref name="successes"/>) for X ~ Binomial(<paramref name="trials"/>, <paramref name="p"/>): the one-sided p-value of "the rate is at most p".</summary>
    public static double UpperTail(int successes, int trials, double p)
    {
        Check(successes, trials);
        if (successes <= 0)
        {
            return 1;
        }

        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        // log P(X = i) from log P(X = 0) = n log(1 - p), then log-sum-exp over i >= successes.
        var (logP, logQ) = (Math.Log(p), Math.Log(1 - p));
        var logPmf = trials * logQ;
        var terms = new double[trials - successes + 1];
        for (var i = 0; i < trials; i++)
        {
            if (i >= successes)
            {
                terms[i - successes] = logPmf;
            }

            logPmf += Math.Log(trials - i) - Math.Log(i + 1) + logP - logQ;
        }

        terms[^1] = logPmf;
        var max = terms.Max();
        var sum = terms.Sum(t => Math.Exp(t - max));
        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    /// <summary>
    /// The one-sided lower bound at confidence 1 - <paramref name="alpha"/>: the rate p at which
    /// P(X &gt;= successes) = alpha, so the true rate is at least this with probability 1 - alpha. 0 with no success.
    /// </summary>
    public static double Lower(int successes, int trials, double alpha)
    {
        Check(successes, trials);
        CheckAlpha(alpha);
        if (successes == 0)
        {
            return 0;
        }

        if (successes == trials)
        {
            return Math.Pow(alpha, 1.0 / trials);
        }

        var (low, high) = (0.0, 1.0);
        for (var i = 0; i < Iterations; i++)
        {
            var mid = (low + high) / 2;
            if (UpperTail(successes, trials, mid) < alpha)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>The one-sided upper bound at confidence 1 - <paramref name="alpha"/> (the lower bound of the failures, mirrored).</summary>
    public static double Upper(int successes, int trials, double alpha) => 1 - Lower(trials - successes, trials, alpha);

    /// <summary>The two-sided interval at <paramref name="level"/> (such as 0.95) around the observed rate, or <see langword="null"/> with no trial.</summary>
    public static ConfidenceInterval? Interval(int successes, int trials, double level = 0.95)
    {
        Check(successes, trials);
        if (trials == 0)
        {
            return null;
        }

        var alpha = (1 - level) / 2;
        return new ConfidenceInterval((double)successes / trials, Lower(successes, trials, alpha), Upper(successes, trials, alpha), level);
    }

    /// <summary>
    /// The fewest trials for which the exact test can show a rate above <paramref name="target"/> at risk
    /// <paramref name="alpha"/> at all: even with every trial a success, fewer cannot (target^n &gt; alpha).
    /// </summary>
    public static int MinimumTrials(double target, double alpha)
    {
        CheckAlpha(alpha);
        if (target is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The target rate must be between 0 and 1 (exclusive).");
        }

        var n = Math.Max(1, (int)Math.Floor(Math.Log(alpha) / Math.Log(target)));
        while (Math.Pow(target, n) > alpha)
        {
            n++;
        }

        while (n > 1 && Math.Pow(target, n - 1) <= alpha)
        {
            n--;
        }

        return n;
    }

    private static void Check(int successes, int trials)
    {
        if (trials < 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), $"{successes} successes of {trials} trials is not a binomial count.");
        }
    }

    private static void CheckAlpha(double alpha)
    {
        if (alpha is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The risk must be between 0 and 1 (exclusive).");
        }
    }
}
