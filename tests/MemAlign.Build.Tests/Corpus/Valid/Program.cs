using MemAlign;
using Microsoft.Extensions.AI;

namespace Corpus.Valid;

/// <summary>A rating judge on a 1-3 scale.</summary>
[Judge("rating"), Scale(1, 3), Rubric("Rate the reply {{ outputs }} to {{ inputs }} from 1 to 3.")]
public partial class Rating : Judge<int>;

/// <summary>Its label schema states no scale: it collects on the judge's.</summary>
[LabelSchema("rating", Title = "Rating", Instruction = "Rate the reply.", RequireComment = true)]
public partial record RatingLabel : Label<int>;

/// <summary>A conversation judge: it aligns like any other (MAJ011, which refused it, is retired).</summary>
[Judge("resolution"), Rubric("Was the customer's problem resolved by the end of {{ conversation }}?")]
public partial class Resolution : Judge<bool>;

/// <summary>Prints what the generated members say, for the build test to check.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static async Task Main()
    {
        using IChatClient client = new NoModel();
        var judge = new Rating(client);
        Console.WriteLine($"instance name: {judge.Name}; constant: {Rating.JudgeName}");
        // judges/Program.memalign.json is compiled in: the judge is aligned with no store.
        Console.WriteLine($"aligned memory: {judge.MemoryFile?.Guidelines.Count} guideline(s), {judge.MemoryFile?.Examples.Count} example(s)");
        Console.WriteLine($"label schema: {RatingLabel.Definition.ValueType}; comment {RatingLabel.Definition.Comment}");
        var label = new RatingLabel { TraceId = "t1", Value = 3, Comment = "clear" };
        Console.WriteLine($"label as feedback: {label.ToAssessment().Name} = {label.ToAssessment().Value}");
        try
        {
            _ = new RatingLabel { TraceId = "t2", Value = 5 }.ToAssessment();
        }
        catch (ArgumentException e)
        {
            Console.WriteLine("off the judge's scale: " + e.Message);
        }

        // Aligned offline (the local embedder and distiller): each example is keyed by its conversation's transcript.
        Resolution resolution = await new Resolution(client).AlignAsync([Chat("c1", "My refund never came.", "Refund issued, 3-5 days.", true),
            Chat("c2", "I am locked out of my account.", "Try another team.", false)]);
        Console.WriteLine($"conversation judge aligned: {resolution.Memory.Examples.Count} example(s), the first keyed by '{resolution.Memory.Examples[0].EmbeddedText.Split('\n')[0]}'");
    }

    private static Trace Chat(string id, string question, string answer, bool resolved) =>
        Trace.Create(id, new[] { new { role = "user", content = question } }, answer)
            .WithAssessment(new Assessment("resolution", resolved, AssessmentSource.Human("expert"), resolved ? "Solved." : "Not solved."));

    private sealed class NoModel : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
