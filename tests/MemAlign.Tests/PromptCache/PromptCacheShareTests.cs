using System.Globalization;
using Xunit.Abstractions;

namespace MemAlign.Tests.PromptCache;

/// <summary>
/// Issue 24, item 1, measured: the samples' judges, aligned on (up to) 50 of their labelled traces offline (extractive
/// guidelines, local embedder, five examples retrieved per prompt), prompt every one of those traces; the share of
/// prompt tokens in the prefix all prompts of the judge version share is computed for main's layout and for the
/// cache-friendly one. Prints the figures: dotnet test --filter PromptCacheShareTests --logger "console;verbosity=detailed".
/// </summary>
public class PromptCacheShareTests(ITestOutputHelper output)
{
    private const int Examples = 50;

    public static TheoryData<string> Samples => ["helpfulness", "sentiment", "pubmed_classifier", "abstract_section", "notebook_quality"];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task The_cache_friendly_layout_puts_far_more_of_each_prompt_in_the_shared_prefix(string sample)
    {
        foreach (var (definition, traces) in JudgesOf(sample))
        {
            var aligned = await Judge.CreateLocal(definition).AlignAsync(traces.Take(Examples));
            var guidelines = (await aligned.Judge.MemoryAsync(CancellationToken.None)).Guidelines;
            var before = new List<string>();
            var after = new List<string>();
            foreach (var trace in traces.Take(Examples))
            {
                var prompt = await aligned.Judge.BuildPromptAsync(trace);
                before.Add(MainLayoutPrompt.Text(prompt, trace));
                after.Add(PromptCacheShare.Messages(prompt.SystemText, prompt.UserText));
            }

            var (was, now) = (PromptCacheShare.Of(definition.Name, before), PromptCacheShare.Of(definition.Name, after));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{definition.Name}: {now.Prompts} prompts, {guidelines.Count} guidelines; stable prefix before {was.PrefixTokens} tokens ({was.Share:P1} of {was.TotalTokens} prompt tokens), after {now.PrefixTokens} tokens ({now.Share:P1} of {now.TotalTokens}); reaches OpenAI's {PromptCacheShare.OpenAIMinimum}-token minimum: before {(was.ReachesOpenAIMinimum ? "yes" : "no")}, after {(now.ReachesOpenAIMinimum ? "yes" : "no")}"));

            Assert.True(definition.IsPromptCacheFriendly, definition.Name);
            // The whole rubric and the guidelines moved into the shared prefix (the examples and the trace, which vary, stay out).
            Assert.True(now.PrefixTokens >= was.PrefixTokens + TokenCount(guidelines) + RubricTail(definition), $"{definition.Name}: {was.PrefixTokens} -> {now.PrefixTokens}");
            Assert.True(now.Share > was.Share + 0.05, $"{definition.Name}: {was.Share:P1} -> {now.Share:P1}");
        }
    }

    private static int TokenCount(IReadOnlyList<Guideline> guidelines) =>
        guidelines.Count == 0 ? 0 : Alignment.TokenCounter.Count(Prompting.JudgePromptBuilder.GuidelinesSection(guidelines)) - 2;

    // The rubric's tokens from its first field on: main's layout rendered them with the trace, after the shared prefix.
    private static int RubricTail(JudgeDefinition definition)
    {
        var rubric = definition.Rubric.StableText!;
        return Alignment.TokenCounter.Count(rubric[rubric.IndexOf('<', StringComparison.Ordinal)..].Trim()) - (2 * definition.Variables.Count);
    }

    private static IEnumerable<(JudgeDefinition Definition, IReadOnlyList<Trace> Traces)> JudgesOf(string sample)
    {
        switch (sample)
        {
            case "helpfulness":
                yield return (global::Helpfulness.HelpfulnessJudge.JudgeDefinition, [.. global::Helpfulness.SeedTraces.Alignment, .. global::Helpfulness.SeedTraces.Test]);
                break;
            case "sentiment":
                var folder = Path.Combine(Path.GetDirectoryName(typeof(global::SentimentRatings.SentimentJudge).Assembly.Location)!, "data");
                yield return (global::SentimentRatings.SentimentJudge.JudgeDefinition, global::SentimentRatings.VaderRatings.Load(folder));
                break;
            case "pubmed_classifier":
                yield return (global::PubMedClassifier.PubMedJudge.JudgeDefinition, [.. global::PubMedClassifier.LabelledSentences.Alignment, .. global::PubMedClassifier.LabelledSentences.Test]);
                break;
            case "abstract_section":
                yield return (global::PubMedClassifier.AbstractSectionJudge.JudgeDefinition, [.. global::PubMedClassifier.LabelledSentences.Alignment, .. global::PubMedClassifier.LabelledSentences.Test]);
                break;
            default:
                var notebooks = global::NotebookQuality.EvaluationSet.Create(Examples);
                foreach (var definition in JudgeCatalog.Load(typeof(global::NotebookQuality.EvaluationSet).Assembly).Judges)
                {
                    yield return (definition, notebooks);
                }

                break;
        }
    }
}
