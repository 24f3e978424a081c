using MemAlign;

namespace Helpfulness;

/// <summary>The alignment and test traces of the MemAlign helpfulness walkthrough, with their expert feedback.</summary>
internal static class SeedTraces
{
    private static readonly AssessmentSource Expert = AssessmentSource.Human("human_expert");

    // When the experts labelled: fixed, so that every run aligns on the same feedback and writes the same memory file.
    private static readonly DateTimeOffset LabelledOn = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Trace> Alignment { get; } =
    [
        Labelled("align-1", "What are your store hours?", "We're open Monday to Friday, 9am to 6pm.", true,
            "Direct, accurate answer to a simple question."),
        Labelled("align-2", "Thanks for your help!", "You're welcome! Let me know if you need anything else.", true,
            "Warm, friendly acknowledgment."),
        Labelled("align-3", "Can you help me track my order?", "Figure it out yourself.", false,
            "Rude and dismissive."),
        Labelled("align-4", "I have a question about returns.", "Whatever.", false,
            "Dismissive and unprofessional."),
        Labelled("align-5", "The sweater I ordered looks completely different from what was shown on the website.",
            "Product colors may vary slightly due to lighting and display settings. You can initiate a return through your order history if needed.", false,
            "Response provides factual explanation and offers a solution (return option), but fails to acknowledge the customer's disappointment. "
            + "Should start with 'I'm sorry the product didn't meet your expectations' before explaining."),
    ];

    public static IReadOnlyList<Trace> Test { get; } =
    [
        Labelled("test-1", "Do you offer gift wrapping?", "Yes! You can select gift wrapping at checkout for $3.", true,
            "Helpful and informative."),
        Labelled("test-2", "I love your product!", "Thank you so much! We're glad you're enjoying it.", true,
            "Warm acknowledgment of positive feedback."),
        Labelled("test-3", "How do I cancel my subscription?", "Why would you want to do that? That's stupid.", false,
            "Insulting and unprofessional."),
        Labelled("test-4", "Is this item in stock?", "I don't care.", false,
            "Rude and unhelpful."),
        Labelled("test-5", "I've been charged twice for my subscription this month. This is really frustrating!",
            "We see two charges on your account because you updated your payment method. One charge will be reversed automatically within 5-7 business days.", false,
            "Factually correct but too cold and transactional. Should start with empathy (e.g., 'Sorry for the confusion') and end with "
            + "support-oriented language when responding to a frustrated customer."),
    ];

    public static bool? HumanLabel(Trace trace, string judgeName) =>
        trace.Assessments.FirstOrDefault(a => a.IsNamed(judgeName) && a.Source.Type == AssessmentSourceType.Human)?.Value.AsBoolean();

    private static Trace Labelled(string id, string inputs, string outputs, bool helpful, string rationale) =>
        Trace.Create(id, inputs, outputs).WithAssessment(new Assessment("helpfulness", helpful, Expert, rationale, LabelledOn));
}
