using MemAlign;

namespace Helpfulness;

/// <summary>The walkthrough's judge. The generator adds its definition, constructors and EvaluateAsync(inputs, outputs).</summary>
[Judge("helpfulness", Model = "openai:/gpt-4.1-mini")]
[Rubric("""
    Evaluate whether the customer support bot's response is helpful given the user query.

    User query: {{ inputs }}
    Assistant response: {{ outputs }}
    """)]
public partial class HelpfulnessJudge : Judge<bool>;

/// <summary>What the experts are asked; the analyzers check it matches the judge's name and value type.</summary>
[LabelSchema("helpfulness", Title = "Helpful?", Instruction = "Is the reply helpful to the customer?", EnableComment = true)]
public partial record HelpfulnessLabel : Label<bool>;
