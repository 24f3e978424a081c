namespace MemAlign.Evaluation;

/// <summary>
/// The agreement figures people quote, each with its 95% percentile bootstrap interval (seeded, so reruns agree):
/// a judge against human labels (Cohen's kappa, accuracy, mean absolute error), and several raters among themselves
/// (Fleiss' kappa, Krippendorff's alpha, mean pairwise Cohen's kappa, in an <see cref="InterRaterAgreement"/>).
/// The same computations the reports show; every figure is <see langword="null"/> when it is undefined on the data
/// (too few items, one class only). For the point figures without intervals, see <see cref="CategoricalAgreement"/>
/// and <see cref="NumericAgreement"/>.
/// </summary>
public static class AgreementStatistics
{
    /// <summary>The default number of bootstrap resamples (10,000).</summary>
    public const int DefaultResamples = PairedBootstrap.DefaultResamples;

    /// <summary>Cohen's kappa of the judge's labels against the human ones, with its interval.</summary>
    /// <param name="pairs">The labels as text ("true"/"false", or the option), one pair per trace.</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="level">The confidence level (default 0.95).</param>
    public static ConfidenceInterval? CohensKappa(IReadOnlyList<(string Human, string Judge)> pairs, int resamples = DefaultResamples, double level = 0.95) =>
        PairedBootstrap.Interval(Checked(pairs), sample => CategoricalAgreement.Compute(sample).CohensKappa, resamples, PairedBootstrap.DefaultSeed, level);

    /// <summary>The share of traces where the judge's label equals the human one, with its interval.</summary>
    /// <param name="pairs">The labels as text, one pair per trace.</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="level">The confidence level (default 0.95).</param>
    public static ConfidenceInterval? Accuracy(IReadOnlyList<(string Human, string Judge)> pairs, int resamples = DefaultResamples, double level = 0.95) =>
        PairedBootstrap.Interval(Checked(pairs), sample => CategoricalAgreement.Compute(sample).Accuracy, resamples, PairedBootstrap.DefaultSeed, level);

    /// <summary>The mean absolute difference between the judge's scores and the human ones, with its interval.</summary>
    /// <param name="pairs">The scores, one pair per trace.</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="level">The confidence level (default 0.95).</param>
    public static ConfidenceInterval? MeanAbsoluteError(IReadOnlyList<(double Human, double Judge)> pairs, int resamples = DefaultResamples, double level = 0.95) =>
        PairedBootstrap.Interval(Checked(pairs), sample => sample.Count == 0 ? null : sample.Average(p => Math.Abs(p.Human - p.Judge)), resamples, PairedBootstrap.DefaultSeed, level);

    /// <summary>How far several raters agree on categorical labels: Fleiss' kappa, Krippendorff's alpha (nominal, and ordinal when the categories are ordered), mean pairwise Cohen's kappa, each with its interval.</summary>
    /// <param name="ratings">One rating per item and rater; a <see langword="null"/> value is no rating.</param>
    /// <param name="orderedCategories">The categories in order, for ordinal alpha; <see langword="null"/> when they are unordered.</param>
    /// <param name="resamples">Bootstrap resamples (at least 100).</param>
    /// <param name="level">The confidence level (default 0.95).</param>
    public static InterRaterAgreement AmongRaters(IEnumerable<(string ItemId, string RaterId, string? Value)> ratings, IReadOnlyList<string>? orderedCategories = null,
        int resamples = DefaultResamples, double level = 0.95) =>
        InterRaterAgreement.Compute(RatingTable.FromCategories(ratings, orderedCategories), resamples, PairedBootstrap.DefaultSeed, level);

    /// <summary>How far several raters agree on pass/fail labels (see the categorical overload).</summary>
    /// <param name="ratings">One rating per item and rater; a <see langword="null"/> value is no rating.</param>
    /// <param name="resamples">Bootstrap resamples (at least 100).</param>
    /// <param name="level">The confidence level (default 0.95).</param>
    public static InterRaterAgreement AmongRaters(IEnumerable<(string ItemId, string RaterId, bool? Value)> ratings, int resamples = DefaultResamples, double level = 0.95) =>
        InterRaterAgreement.Compute(RatingTable.FromBooleans(ratings), resamples, PairedBootstrap.DefaultSeed, level);

    /// <summary>How far several raters agree on scores: Krippendorff's alpha (interval and ordinal) among the rest, each with its interval.</summary>
    /// <param name="ratings">One rating per item and rater; a <see langword="null"/> value is no rating.</param>
    /// <param name="resamples">Bootstrap resamples (at least 100).</param>
    /// <param name="level">The confidence level (default 0.95).</param>
    public static InterRaterAgreement AmongRaters(IEnumerable<(string ItemId, string RaterId, double? Value)> ratings, int resamples = DefaultResamples, double level = 0.95) =>
        InterRaterAgreement.Compute(RatingTable.FromNumbers(ratings), resamples, PairedBootstrap.DefaultSeed, level);

    private static IReadOnlyList<T> Checked<T>(IReadOnlyList<T> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return pairs;
    }
}
