using MemAlign.Evaluation;
using Xunit.Abstractions;

namespace MemAlign.Tests;

/// <summary>
/// The local judge on imbalanced data (80/20): trained on 800 traces, scored on 400 held-out ones.
/// The noise margin: 400 items at a 0.8 majority rate give a standard error of about 0.02 on accuracy,
/// so "not below the majority rate" is asserted with a margin of 0.02 (one standard error); the sets are
/// seeded, so a result is the same on every run.
/// </summary>
public class LocalJudgeCalibrationTests(ITestOutputHelper output)
{
    private const double NoiseMargin = 0.02;

    [Fact]
    public async Task Weak_signal_keeps_majority_accuracy_and_finds_some_minority_cases()
    {
        var result = await RunAsync(seed: 11, signalIfMinority: 0.6, signalIfMajority: 0.2);

        Assert.True(result.Accuracy >= result.MajorityRate - NoiseMargin, result.ToString());
        Assert.True(result.Kappa > 0, result.ToString());
        Assert.True(result.ConfidenceIfRight > result.ConfidenceIfWrong, result.ToString());
    }

    [Fact]
    public async Task Confidence_is_the_chosen_class_probability_and_the_rationale_names_the_examples()
    {
        var train = ImbalancedTexts.Generate(21, 300, 0.2, 0.6, 0.2, "train");
        Judge<bool> judge = await Judge.CreateLocal<bool>(ImbalancedTexts.Definition).AlignAsync(train);

        foreach (var trace in ImbalancedTexts.Generate(22, 40, 0.2, 0.6, 0.2, "test"))
        {
            var verdict = await judge.EvaluateAsync(trace);
            var confidence = verdict.Confidence!.Value;
            Assert.InRange(confidence, 0.5, 1.0); // two classes: the chosen one is the more probable
            var pTrue = double.Parse(verdict.Rationale!.Split("P(true)=")[1][..4], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(verdict.Value ? pTrue : 1 - pTrue, confidence, 0.006);
            Assert.All(verdict.RetrievedExampleIds, id => Assert.Contains(id + " (", verdict.Rationale));
            Assert.Equal(confidence, EvaluationRecord.From(verdict).Confidence);
        }
    }

    [Fact]
    public async Task No_signal_stays_with_the_majority_instead_of_guessing()
    {
        var result = await RunAsync(seed: 12, signalIfMinority: 0.3, signalIfMajority: 0.3);

        Assert.True(result.Accuracy >= result.MajorityRate - 0.01, result.ToString());
        Assert.True(result.MinorityPredicted <= 0.02, result.ToString());
    }

    [Fact]
    public async Task Strong_signal_gives_high_accuracy()
    {
        var result = await RunAsync(seed: 13, signalIfMinority: 0.95, signalIfMajority: 0.03);

        Assert.True(result.Accuracy >= 0.95, result.ToString());
        Assert.True(result.Kappa > 0.8, result.ToString());
        Assert.True(result.ConfidenceIfRight > result.ConfidenceIfWrong, result.ToString());
    }

    [Fact]
    public async Task Numeric_verdicts_shrink_toward_the_memory_mean_when_neighbours_are_dissimilar()
    {
        var definition = JudgeDefinition.Create("quality", "Rate {{ outputs }} for {{ inputs }}", FeedbackValueType.Number(0, 10));
        var traces = new[] { Rated("a", "refund policy question", 9), Rated("b", "refund policy question", 9), Rated("c", "shipping delay complaint", 1), Rated("d", "gift card balance", 1) };
        Judge<double> judge = await Judge.CreateLocal<double>(definition).AlignAsync(traces, new MemAlignOptimizer(new MemAlignOptions { RetrievalK = 2 }));

        var same = await judge.EvaluateAsync(Trace.Create("q1", "refund policy question", "x"));
        var unrelated = await judge.EvaluateAsync(Trace.Create("q2", "zzqv wobble frimp", "x"));

        Assert.Equal(9, same.Value, 3);                                   // identical neighbours: their mean, unchanged
        Assert.InRange(unrelated.Value, 4.0, 6.0);                        // memory mean 5; the neighbours (9 and 9, or 1 and 9) barely count
        Assert.Contains("memory's mean 5.00", unrelated.Rationale);
        Assert.InRange(same.Confidence!.Value, 0.99, 1.0);                // similar and agreeing
        Assert.True(unrelated.Confidence < 0.3, unrelated.Rationale);

        static Trace Rated(string id, string inputs, int rating) =>
            Trace.Create(id, inputs, "answer").WithAssessment(new Assessment("quality", rating, AssessmentSource.Human("e"), $"rated {rating}"));
    }

    [Fact]
    public async Task Categorical_verdicts_report_each_label_probability_and_sum_to_one()
    {
        var definition = JudgeDefinition.Create("tone", "Tone of {{ inputs }}", FeedbackValueType.Categorical("calm", "angry", "neutral"));
        var random = new Random(5);
        var traces = Enumerable.Range(0, 60).Select(i =>
        {
            var label = i % 10 < 6 ? "neutral" : i % 10 < 8 ? "calm" : "angry";
            var text = label + "ish " + string.Join(' ', Enumerable.Range(0, 6).Select(_ => "w" + random.Next(500)));
            return Trace.Create($"t{i:D2}", text, "x").WithAssessment(new Assessment("tone", label, AssessmentSource.Human("e"), "Tone."));
        }).ToList();
        Judge<string> judge = await Judge.CreateLocal<string>(definition).AlignAsync(traces);

        var verdict = await judge.EvaluateAsync(Trace.Create("q", "angryish w1 w2 w3", "x"));

        Assert.Equal("angry", verdict.Value);
        var shown = System.Text.RegularExpressions.Regex.Matches(verdict.Rationale!, @"P\((\w+)\)=(\d\.\d\d)");
        Assert.Equal(3, shown.Count);
        Assert.Equal("angry", shown[0].Groups[1].Value);
        Assert.Equal(1.0, shown.Sum(m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)), 0.02);
        Assert.Contains("priors angry 0.20, ", verdict.Rationale); // listed in the order of the probabilities
        Assert.Contains("neutral 0.60", verdict.Rationale);
    }

    private async Task<Result> RunAsync(int seed, double signalIfMinority, double signalIfMajority)
    {
        var train = ImbalancedTexts.Generate(seed, 800, 0.2, signalIfMinority, signalIfMajority, "train");
        var test = ImbalancedTexts.Generate(seed + 1000, 400, 0.2, signalIfMinority, signalIfMajority, "test");
        Judge<bool> judge = await Judge.CreateLocal<bool>(ImbalancedTexts.Definition).AlignAsync(train);

        var verdicts = new List<(bool Human, JudgeVerdict<bool> Verdict)>();
        foreach (var trace in test)
        {
            verdicts.Add((trace.Assessments[0].Value.AsBoolean(), await judge.EvaluateAsync(trace)));
        }

        var agreement = CategoricalAgreement.Compute(verdicts.Select(v => (Label(v.Human), Label(v.Verdict.Value))).ToList(), ["false", "true"]);
        var majority = Math.Max(verdicts.Count(v => v.Human), verdicts.Count(v => !v.Human)) / (double)verdicts.Count;
        Assert.All(verdicts, v => Assert.InRange(v.Verdict.Confidence!.Value, 0.0, 1.0));
        var right = verdicts.Where(v => v.Human == v.Verdict.Value).Select(v => v.Verdict.Confidence!.Value).DefaultIfEmpty(double.NaN).Average();
        var wrong = verdicts.Where(v => v.Human != v.Verdict.Value).Select(v => v.Verdict.Confidence!.Value).DefaultIfEmpty(double.NaN).Average();
        var result = new Result(agreement.Accuracy!.Value, agreement.CohensKappa ?? 0, majority, verdicts.Count(v => v.Verdict.Value) / (double)verdicts.Count, right, wrong);
        output.WriteLine(result.ToString());
        return result;

        static string Label(bool value) => value ? "true" : "false";
    }

    private sealed record Result(double Accuracy, double Kappa, double MajorityRate, double MinorityPredicted, double ConfidenceIfRight, double ConfidenceIfWrong)
    {
        public override string ToString() => FormattableString.Invariant(
            $"accuracy {Accuracy:0.000}, kappa {Kappa:0.000}, majority rate {MajorityRate:0.000}, predicted minority {MinorityPredicted:0.000}, mean confidence right {ConfidenceIfRight:0.000} / wrong {ConfidenceIfWrong:0.000}");
    }
}
