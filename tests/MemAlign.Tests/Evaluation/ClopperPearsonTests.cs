using MemAlign.Evaluation;

namespace MemAlign.Tests.Evaluation;

/// <summary>
/// The exact binomial bounds against published values: R's binom.test (two-sided 95% Clopper-Pearson intervals,
/// as tabulated by Clopper and Pearson 1934 and reproduced in every statistics package), closed forms at the edges,
/// and binomial tails that can be counted by hand.
/// </summary>
public class ClopperPearsonTests
{
    [Theory]
    [InlineData(5, 10, 0.187086, 0.812914)]
    [InlineData(1, 10, 0.002529, 0.445016)]
    [InlineData(8, 10, 0.443905, 0.974789)]
    [InlineData(50, 100, 0.398321, 0.601679)]
    [InlineData(0, 10, 0.0, 0.308497)]
    [InlineData(10, 10, 0.691503, 1.0)]
    public void Two_sided_95_percent_intervals_match_binom_test(int successes, int trials, double lower, double upper)
    {
        var interval = ClopperPearson.Interval(successes, trials)!;

        Assert.Equal((double)successes / trials, interval.Estimate, 12);
        Assert.Equal(lower, interval.Lower, 6);
        Assert.Equal(upper, interval.Upper, 6);
        Assert.Equal(0.95, interval.Level);
    }

    [Fact]
    public void All_successes_give_the_closed_form_lower_bound()
    {
        // P(X >= n | p) = p^n, so the one-sided bound is alpha^(1/n).
        Assert.Equal(Math.Pow(0.05, 1.0 / 10), ClopperPearson.Lower(10, 10, 0.05), 12);
        Assert.Equal(0.741134, ClopperPearson.Lower(10, 10, 0.05), 6);
        Assert.Equal(0, ClopperPearson.Lower(0, 7, 0.1));
        Assert.Null(ClopperPearson.Interval(0, 0));
    }

    [Fact]
    public void The_upper_tail_is_the_binomial_sum()
    {
        // P(X >= 8) for Binomial(10, 1/2) = (45 + 10 + 1) / 1024.
        Assert.Equal(56.0 / 1024, ClopperPearson.UpperTail(8, 10, 0.5), 12);
        Assert.Equal(Math.Pow(0.8, 40), ClopperPearson.UpperTail(40, 40, 0.8), 15);
        Assert.Equal(1, ClopperPearson.UpperTail(0, 5, 0.3));
        // A large sample stays finite and sums to about one half at its mean.
        Assert.InRange(ClopperPearson.UpperTail(8_000, 10_000, 0.8), 0.49, 0.51);
    }

    [Fact]
    public void The_lower_bound_is_where_the_tail_equals_the_risk()
    {
        var bound = ClopperPearson.Lower(76, 80, 0.1);

        Assert.Equal(0.1, ClopperPearson.UpperTail(76, 80, bound), 9);
        Assert.True(bound < 76.0 / 80);
    }

    [Theory]
    [InlineData(0.8, 0.1, 11)] // 0.8^10 = 0.107 > 0.1 >= 0.8^11 = 0.086
    [InlineData(0.9, 0.05, 29)] // 0.9^28 = 0.052 > 0.05 >= 0.9^29 = 0.047
    [InlineData(0.5, 0.25, 2)] // 0.5^2 = 0.25 exactly passes
    public void The_fewest_trials_the_bound_needs_even_if_all_succeed(double target, double risk, int expected)
    {
        Assert.Equal(expected, ClopperPearson.MinimumTrials(target, risk));
        Assert.True(ClopperPearson.UpperTail(expected, expected, target) <= risk);
        Assert.True(ClopperPearson.UpperTail(expected - 1, expected - 1, target) > risk);
    }

    [Fact]
    public void Impossible_counts_and_risks_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.Lower(11, 10, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.Lower(5, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.MinimumTrials(1, 0.1));
    }
}
