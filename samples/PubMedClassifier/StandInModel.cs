using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using MemAlign;
using Microsoft.Extensions.AI;

namespace PubMedClassifier;

/// <summary>
/// The offline stand-in for an LLM, so the tutorial runs with no model configured. Asked to check the
/// guidelines, it only checks that the label is one of the five sections (the format-checking a generic
/// judge tends to do). Asked the custom rubric, or for the section itself, it guesses the sentence's section
/// from keywords, with the slips such rules make ("significantly reduced" reads as RESULTS, "we aimed to" as METHODS). Shown
/// retrieved expert examples (an aligned judge), it weighs the sections the experts named for the
/// examples that are really similar to the sentence against its keywords, as a model shown them tends to.
/// It is a demonstration device, not a judge: set OPENAI_API_KEY (or OPENAI_BASE_URL) for a real model.
/// </summary>
internal sealed partial class StandInModel : IChatClient
{
    private static readonly string[] Sections = ["BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"];

    private readonly LocalEmbeddingGenerator _embedder = new();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // The rubric is in the system message; the user message holds (for an aligned judge) the retrieved
        // examples, then the trace's fields as JSON values.
        var rubric = messages.First(m => m.Role == ChatRole.System).Text;
        var prompt = messages.Last(m => m.Role == ChatRole.User).Text;
        var traceAt = prompt.LastIndexOf("Trace to judge:\n", StringComparison.Ordinal);
        var examples = prompt[..traceAt];
        var tracePart = prompt[traceAt..];
        var label = LabelField().Match(tracePart).Groups[1].Value;
        string reply;
        if (rubric.Contains("follows every one of these guidelines", StringComparison.Ordinal))
        {
            var valid = Sections.Contains(label);
            reply = Reply(valid ? "true" : "false", valid ? "the label is one of the five sections" : $"'{label}' is not one of the five sections");
        }
        else
        {
            var sentence = SentenceField().Match(tracePart).Groups[1].Value;
            var keywordGuess = KeywordSection(sentence);
            var (section, how) = FromExamples(examples, sentence, keywordGuess) is { } voted ? (voted, "keywords and the similar expert examples") : (keywordGuess, "keywords");
            var answer = rubric.Contains("Which section of a structured medical abstract", StringComparison.Ordinal)
                ? $"\"{section[0]}{section[1..].ToLowerInvariant()}\"" // the section judge answers with the Section enum's member name
                : section == label ? "\"Yes\"" : "\"No\"";
            reply = Reply(answer, $"by its {how} the sentence is {section}");
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)) { ModelId = "offline-stand-in" });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() => _embedder.Dispose();

    private static string Reply(string result, string why) => $"{{\"rationale\": \"Stand-in model: {why}.\", \"result\": {result}}}";

    /// <summary>
    /// The section the retrieved examples point to: each example at least 0.2 similar to the sentence (by
    /// the library's local embedder) votes with its similarity for the section its expert named; the
    /// keyword guess votes 0.25. Null when no example is similar enough.
    /// </summary>
    private string? FromExamples(string examples, string sentence, string keywordGuess)
    {
        var query = _embedder.Embed(sentence);
        var votes = ExpertExample().Matches(examples)
            .Select(m => (Section: m.Groups["section"].Value, Similarity: TensorPrimitives.Dot(query, _embedder.Embed(m.Groups["sentence"].Value))))
            .Where(v => v.Similarity >= 0.2f)
            .ToList();
        if (votes.Count == 0)
        {
            return null;
        }

        votes.Add((keywordGuess, 0.25f));
        return votes.GroupBy(v => v.Section).OrderByDescending(g => g.Sum(v => v.Similarity)).First().Key;
    }

    private static string KeywordSection(string sentence) =>
        ResultsWords().IsMatch(sentence) ? "RESULTS"
        : MethodsWords().IsMatch(sentence) ? "METHODS"
        : ObjectiveWords().IsMatch(sentence) ? "OBJECTIVE"
        : ConclusionsWords().IsMatch(sentence) ? "CONCLUSIONS"
        : "BACKGROUND";

    [GeneratedRegex(@"\noutputs: \{\s*""label"": ""([^""]*)""")]
    private static partial Regex LabelField();

    [GeneratedRegex(@"\ninputs: (.*)")]
    private static partial Regex SentenceField();

    [GeneratedRegex(@"  inputs: (?<sentence>.*)\n[\s\S]*?belongs in (?<section>[A-Z]+)")]
    private static partial Regex ExpertExample();

    [GeneratedRegex(@"\b(significant(ly)?|increased|decreased|reduced|higher|lower|observed|shorter|longer)\b|%|p < ", RegexOptions.IgnoreCase)]
    private static partial Regex ResultsWords();

    [GeneratedRegex(@"\b(we|randomly|randomi[sz]ed|enrolled|assigned|measured|using|performed|analy[sz]ed|questionnaire|compared)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MethodsWords();

    [GeneratedRegex(@"\b(aim|objective|purpose|to determine|to evaluate|to investigate|to assess|to examine)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectiveWords();

    [GeneratedRegex(@"\b(suggest\w*|conclu\w*|indicate\w*|should|may|recommend)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConclusionsWords();
}
