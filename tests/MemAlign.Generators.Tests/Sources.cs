namespace MemAlign.Generators.Tests;

/// <summary>User code used across the generator tests: the issue's four declarations.</summary>
internal static class Sources
{
    public const string Judges = """"
        using MemAlign;

        namespace Support;

        [Judge("helpfulness", Model = "openai:/gpt-4.1-mini")]
        [Rubric("""
            Evaluate whether the customer support bot's response is helpful given the user query.
            User query: {{ inputs }}
            Assistant response: {{ outputs }}
            """)]
        public partial class Helpfulness : Judge<bool>;

        public enum ProductQuality { Excellent, Good, Fair, Poor }

        [Judge("product_quality"), Rubric("Rate the description in {{ outputs }} for {{ inputs }}.")]
        public partial class ProductQualityJudge : Judge<ProductQuality>;

        [Judge("domain_quality"), Scale(1, 5), Rubric("Rate {{ outputs }} for {{ inputs }} from 1 to 5.")]
        public partial class DomainQuality : Judge<int>;

        [LabelSchema("helpfulness", Title = "Helpful?", Instruction = "Is the reply helpful?", EnableComment = true)]
        public partial record HelpfulnessLabel : Label<bool>;
        """";

    /// <summary>
    /// User code written against the generated API, run by the tests: positional calls (whose arguments
    /// must land in the canonical order whatever the rubric's wording), the instance Name next to the name
    /// constant, and typed judges after alignment, unalignment, added guidelines and loading a memory.
    /// </summary>
    public const string Usage = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using MemAlign;
        using Microsoft.Extensions.AI;

        namespace Support;

        public static class Usage
        {
            public static async Task<List<string>> RunAsync(IChatClient client)
            {
                var seen = new List<string>();
                var helpfulness = new Helpfulness(client);
                seen.Add(helpfulness.Name);
                seen.Add(Helpfulness.JudgeName);
                var verdict = await helpfulness.EvaluateAsync("Where is my order?", "It ships tomorrow.");
                var quality = await new ProductQualityJudge(client, new JudgeOptions()).EvaluateAsync("A sweater", "Warm and soft.");
                var rating = await new DomainQuality(client).EvaluateAsync(outputs: "an answer", inputs: "a question");
                seen.Add($"{verdict.Value} {quality.Value} {rating.Value}");

                var traces = new[]
                {
                    Trace.Create("t1", "Where is my order?", "It ships tomorrow.").WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("expert"), "Answers the question.")),
                    Trace.Create("t2", "Cancel my order", "No.").WithAssessment(new Assessment("helpfulness", false, AssessmentSource.Human("expert"), "Refuses without a reason.")),
                };
                Helpfulness aligned = await helpfulness.AlignAsync(traces);
                var (withReport, report) = await helpfulness.AlignAsync(traces);
                Helpfulness guided = aligned.WithGuidelines("Be kind.");
                Helpfulness unaligned = await guided.UnalignAsync(["t1"]);
                Helpfulness loaded = new Helpfulness(client).WithMemory(aligned.Memory, new LocalEmbeddingGenerator(aligned.Memory.EmbeddingDimensions));
                foreach (var judge in new[] { aligned, withReport, guided, unaligned, loaded })
                {
                    var again = await judge.EvaluateAsync("Where is my order now?", "It left the warehouse.");
                    seen.Add($"{judge.GetType().Name} {judge.Memory.Examples.Count} {again.Value}");
                }

                var label = new HelpfulnessLabel { TraceId = "t1", Value = true, Comment = "ok" };
                var back = HelpfulnessLabel.FromAssessment(label.ToAssessment(), "t1");
                seen.Add($"{back.Value} {HelpfulnessLabel.Definition.Comment} {report.ExamplesAdded}");
                return seen;
            }
        }
        """;
}
