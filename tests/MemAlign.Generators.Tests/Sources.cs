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

    public const string Usage = """
        using System.Threading.Tasks;
        using MemAlign;
        using Microsoft.Extensions.AI;

        namespace Support;

        public static class Usage
        {
            public static async Task<bool> RunAsync(IChatClient client)
            {
                var helpfulness = new Helpfulness(client);
                var verdict = await helpfulness.EvaluateAsync("Where is my order?", "It ships tomorrow.");
                var quality = await new ProductQualityJudge(client, new JudgeOptions()).EvaluateAsync("A sweater", "Warm and soft.");
                var rating = await new DomainQuality(client).EvaluateAsync("q", "a");
                var label = new HelpfulnessLabel { TraceId = "t1", Value = true, Comment = "ok" };
                var back = HelpfulnessLabel.FromAssessment(label.ToAssessment(), "t1");
                JudgeDefinition definition = Helpfulness.JudgeDefinition;
                string name = Helpfulness.Name;
                ProductQuality value = quality.Value;
                int score = rating.Value;
                return verdict.Value && back.Value && name == definition.Name && value == ProductQuality.Good && score > 0;
            }
        }
        """;
}
