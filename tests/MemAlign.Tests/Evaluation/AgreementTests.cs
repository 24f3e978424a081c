using MemAlign.Evaluation;

namespace MemAlign.Tests.Evaluation;

/// <summary>Statistics checked against values computed by hand (the arithmetic is in the comments).</summary>
public class AgreementTests
{
    [Fact]
    public void Binary_agreement_matches_hand_computed_values()
    {
        // human T,T,F,F,T vs judge T,F,F,T,T: 3 of 5 agree; chance = .6*.6 + .4*.4 = .52; kappa = (.6-.52)/.48
        var result = CategoricalAgreement.Compute([("true", "true"), ("true", "false"), ("false", "false"), ("false", "true"), ("true", "true")]);

        Assert.Equal(["true", "false"], result.Classes);
        Assert.Equal(5, result.Count);
        Assert.Equal(0.6, result.Accuracy!.Value, 12);
        Assert.Equal(0.08 / 0.48, result.CohensKappa!.Value, 12);
        Assert.Equal(new[,] { { 2, 1 }, { 1, 1 } }, result.ConfusionMatrix);
        Assert.Equal(2.0 / 3, result.Recall["true"]!.Value, 12);   // TPR
        Assert.Equal(0.5, result.Recall["false"]!.Value, 12);      // TNR
        Assert.Equal(2.0 / 3, result.Precision["true"]!.Value, 12);
        Assert.Equal(0.5, result.Precision["false"]!.Value, 12);
    }

    [Fact]
    public void Categorical_agreement_counts_each_class()
    {
        // A,A,B,C vs A,B,B,A: agree on rows 1 and 3; p(human)=(.5,.25,.25), p(judge)=(.5,.5,0); chance=.25+.125=.375
        var result = CategoricalAgreement.Compute([("A", "A"), ("A", "B"), ("B", "B"), ("C", "A")], ["A", "B", "C"]);

        Assert.Equal(0.5, result.Accuracy!.Value, 12);
        Assert.Equal((0.5 - 0.375) / 0.625, result.CohensKappa!.Value, 12);
        Assert.Null(result.Precision["C"]); // the judge never said C
        Assert.Equal(0.0, result.Recall["C"]!.Value, 12);
        Assert.Equal(1.0, result.Recall["B"]!.Value, 12);
    }

    [Fact]
    public void Degenerate_categorical_data_gives_undefined_statistics_not_errors()
    {
        var allAgreeOneClass = CategoricalAgreement.Compute([("true", "true"), ("true", "true")]);
        var empty = CategoricalAgreement.Compute([]);

        Assert.Equal(1.0, allAgreeOneClass.Accuracy);
        Assert.Null(allAgreeOneClass.CohensKappa); // chance agreement is 1: kappa is 0/0
        Assert.Equal((0, (double?)null, (double?)null), (empty.Count, empty.Accuracy, empty.CohensKappa));
    }

    [Fact]
    public void Numeric_agreement_matches_hand_computed_values_and_leaves_out_not_applicable()
    {
        // human 1,2,3,3 vs judge 1,3,3,2 on 1..3, plus a "not applicable" (0) row:
        // MAE = (0+1+0+1)/4; QWK = 1 - 0.5/1.375; Spearman on ranks (1,2,3.5,3.5) vs (1,3.5,3.5,2) = 2.25/4.5;
        // Lin = 2*0.4375 / (0.6875 + 0.6875 + 0)
        var result = NumericAgreement.Compute([(1, 1), (2, 3), (3, 3), (3, 2), (0, 2)], 1, 3, notApplicable: 0);

        Assert.Equal((4, 1), (result.Count, result.NotApplicable));
        Assert.Equal(0.5, result.MeanAbsoluteError!.Value, 12);
        Assert.Equal(0.5, result.ExactAgreement!.Value, 12);
        Assert.Equal(1.0, result.WithinOneAgreement!.Value, 12);
        Assert.Equal(1 - (0.5 / 1.375), result.QuadraticWeightedKappa!.Value, 12);
        Assert.Equal(0.5, result.Spearman!.Value, 12);
        Assert.Equal(0.875 / 1.375, result.LinsConcordance!.Value, 12);
    }

    [Fact]
    public void Degenerate_numeric_data_gives_undefined_correlations()
    {
        var constant = NumericAgreement.Compute([(2, 2), (2, 2), (2, 2)], 1, 3);
        var onlyNotApplicable = NumericAgreement.Compute([(0, 1)], 1, 3, notApplicable: 0);

        Assert.Equal((0.0, 1.0), (constant.MeanAbsoluteError!.Value, constant.ExactAgreement!.Value));
        Assert.Null(constant.Spearman); // no variance
        Assert.Null(constant.LinsConcordance); // variances and mean difference all zero: 0/0
        Assert.Equal((0, 1, (double?)null), (onlyNotApplicable.Count, onlyNotApplicable.NotApplicable, onlyNotApplicable.MeanAbsoluteError));
    }

    [Fact]
    public void Bootstrap_intervals_are_seeded_contain_the_estimate_and_detect_a_real_difference()
    {
        var rows = Enumerable.Range(0, 40).Select(i => (Human: i % 2 == 0, Baseline: i % 4 == 0, Aligned: i % 2 == 0 || i == 39)).ToList();
        static double? Accuracy(IReadOnlyList<(bool Human, bool Baseline, bool Aligned)> sample, bool aligned) =>
            sample.Count(r => (aligned ? r.Aligned : r.Baseline) == r.Human) / (double)sample.Count;

        var baseline = PairedBootstrap.Interval(rows, s => Accuracy(s, false), resamples: 2_000, seed: 1)!;
        var again = PairedBootstrap.Interval(rows, s => Accuracy(s, false), resamples: 2_000, seed: 1)!;
        var difference = PairedBootstrap.Difference(rows, s => Accuracy(s, false), s => Accuracy(s, true), resamples: 2_000, seed: 1)!;
        var none = PairedBootstrap.Difference(rows, s => Accuracy(s, false), s => Accuracy(s, false), resamples: 2_000, seed: 1)!;

        Assert.Equal(baseline, again);
        Assert.Equal(0.75, baseline.Estimate, 12);
        Assert.InRange(baseline.Estimate, baseline.Lower, baseline.Upper);
        Assert.True(baseline.Upper - baseline.Lower is > 0.1 and < 0.5);
        Assert.Equal(0.975 - 0.75, difference.Estimate, 12);
        Assert.True(difference.ExcludesZero);
        Assert.Equal((0.0, 0.0), (none.Lower, none.Upper));
        Assert.False(none.ExcludesZero);
        Assert.Null(PairedBootstrap.Interval(Array.Empty<int>(), _ => 1.0));
    }
}
