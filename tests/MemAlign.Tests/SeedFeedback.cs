using System.Text.Json;
using MemAlign.Testing;
using Microsoft.Extensions.AI;

namespace MemAlign.Tests;

/// <summary>The helpfulness walkthrough's traces (5 to align, 5 to test) and a deterministic reflection model for them.</summary>
internal static class SeedFeedback
{
    public const string EmpathyGuideline = "For complaints, acknowledge the customer's feelings before explaining facts.";
    public const string RudenessGuideline = "Never be rude or dismissive.";

    public static readonly AssessmentSource Expert = AssessmentSource.Human("human_expert");

    public static JudgeDefinition Definition { get; } = JudgeDefinition.Create(
        "helpfulness",
        "Evaluate whether the customer support bot's response is helpful given the user query.\n\nUser query: {{ inputs }}\nAssistant response: {{ outputs }}\n",
        FeedbackValueType.Boolean);

    public static IReadOnlyList<Trace> Alignment { get; } =
    [
        Labelled("align-1", "What are your store hours?", "We're open Monday to Friday, 9am to 6pm.", true, "Direct, accurate answer to a simple question."),
        Labelled("align-2", "Thanks for your help!", "You're welcome! Let me know if you need anything else.", true, "Warm, friendly acknowledgment."),
        Labelled("align-3", "Can you help me track my order?", "Figure it out yourself.", false, "Rude and dismissive."),
        Labelled("align-4", "I have a question about returns.", "Whatever.", false, "Dismissive and unprofessional."),
        Labelled("align-5", "The sweater I ordered looks completely different from what was shown on the website.",
            "Product colors may vary slightly due to lighting and display settings. You can initiate a return through your order history if needed.", false,
            "Response provides factual explanation and offers a solution (return option), but fails to acknowledge the customer's disappointment. Should start with 'I'm sorry the product didn't meet your expectations' before explaining."),
    ];

    public static IReadOnlyList<Trace> Test { get; } =
    [
        Labelled("test-1", "Do you offer gift wrapping?", "Yes! You can select gift wrapping at checkout for $3.", true, "Helpful and informative."),
        Labelled("test-2", "I love your product!", "Thank you so much! We're glad you're enjoying it.", true, "Warm acknowledgment of positive feedback."),
        Labelled("test-3", "How do I cancel my subscription?", "Why would you want to do that? That's stupid.", false, "Insulting and unprofessional."),
        Labelled("test-4", "Is this item in stock?", "I don't care.", false, "Rude and unhelpful."),
        Labelled("test-5", "I've been charged twice for my subscription this month. This is really frustrating!",
            "We see two charges on your account because you updated your payment method. One charge will be reversed automatically within 5-7 business days.", false,
            "Factually correct but too cold and transactional. Should start with empathy."),
    ];

    public static Trace Labelled(string id, string inputs, string outputs, bool helpful, string rationale) =>
        Trace.Create(id, inputs, outputs).WithAssessment(new Assessment("helpfulness", helpful, Expert, rationale) { Id = "a-" + id });

    /// <summary>
    /// A reflection model that reads the feedback records in the distillation prompt and answers with one
    /// guideline per theme it finds in the rationales, citing the records; deterministic.
    /// </summary>
    public static ScriptedChatClient ReflectionModel() => new(fallback: Distil, modelId: "fake-reflection");

    public static ChatResponse Distil(ChatRequest request)
    {
        var records = Records(request.User);
        var themes = new (string Keyword, string Guideline)[]
        {
            ("acknowledge", EmpathyGuideline),
            ("empathy", EmpathyGuideline),
            ("rude", RudenessGuideline),
            ("dismissive", RudenessGuideline),
            ("direct", "Answer simple informational questions directly and accurately."),
            ("warm", "Acknowledge gratitude warmly."),
        };
        var guidelines = themes
            .Select(t => (t.Guideline, Ids: records.Where(r => r.Rationale.Contains(t.Keyword, StringComparison.OrdinalIgnoreCase)).Select(r => r.Id).ToList()))
            .Where(g => g.Ids.Count > 0)
            .GroupBy(g => g.Guideline)
            .Select(g => new { guideline_text = g.Key, source_trace_ids = g.SelectMany(x => x.Ids).Distinct().ToList() })
            .ToList();
        return ScriptedChatClient.Response(JsonSerializer.Serialize(new { guidelines }), inputTokens: 300, outputTokens: 40);
    }

    public static List<(string Id, string Rationale)> Records(string prompt) =>
        prompt.Split('\n')
            .Where(l => l.StartsWith("{\"id\":", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("rationale").GetString()!))
            .ToList();
}
