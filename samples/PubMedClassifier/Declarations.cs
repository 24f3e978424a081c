using MemAlign;

namespace PubMedClassifier;

/// <summary>The sections of a structured medical abstract: the labels the classifier under test chooses from.</summary>
public enum Section
{
    /// <summary>What was known before the study.</summary>
    Background,

    /// <summary>What the study set out to do.</summary>
    Objective,

    /// <summary>How the study was done.</summary>
    Methods,

    /// <summary>What was found.</summary>
    Results,

    /// <summary>What the findings mean.</summary>
    Conclusions,
}

/// <summary>The judge's categorical answer: was the classifier's label right?</summary>
public enum Verdict
{
    /// <summary>The label is the sentence's section.</summary>
    Yes,

    /// <summary>The label is another section, or not one of the five.</summary>
    No,
}

/// <summary>The custom judge of the PubMed tutorial. The generator adds its definition, constructors and EvaluateAsync(inputs, outputs).</summary>
[Judge("pubmed_classifier", Model = "openai:/gpt-4.1-mini")]
[Rubric("""
    Evaluate whether the response correctly classifies a sentence taken from the abstract of a medical paper.
    The label must be one of the abstract's sections: BACKGROUND, OBJECTIVE, METHODS, RESULTS or CONCLUSIONS.

    Sentence: {{ inputs }}
    Response: {{ outputs }}

    Yes: this is the correct classification.
    No: this is the wrong classification, or not one of the five labels.
    Explain your rationale.
    """)]
public partial class PubMedJudge : Judge<Verdict>;

/// <summary>What the experts answer for each classified sentence; the analyzers check it matches the judge.</summary>
[LabelSchema("pubmed_classifier", Title = "Correct section?", Instruction = "Is the classifier's label the sentence's section? Say which section it belongs in.", EnableComment = true)]
public partial record PubMedLabel : Label<Verdict>;

/// <summary>A categorical judge over the five sections: it names the section a sentence belongs in.</summary>
[Judge("abstract_section", Model = "openai:/gpt-4.1-mini")]
[Rubric("""
    Which section of a structured medical abstract does this sentence belong in:
    Background, Objective, Methods, Results or Conclusions?

    Sentence: {{ inputs }}

    Answer with the section and a short rationale.
    """)]
public partial class AbstractSectionJudge : Judge<Section>;

/// <summary>The section the experts say a sentence belongs in.</summary>
[LabelSchema("abstract_section", Title = "Section", Instruction = "Which section does the sentence belong in?", EnableComment = true)]
public partial record SectionLabel : Label<Section>;
