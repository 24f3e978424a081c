namespace MemAlign;

/// <summary>
/// The exact prompt a judge sends for one trace: a system text, the same for every trace of a judge version so
/// that providers can cache it (role, reply format, rubric, guidelines), and a user text with what varies (the
/// retrieved examples, then the trace), with the structured parts it was built from. Built fresh and immutable for every call, so parallel evaluations never share state.
/// </summary>
public sealed class JudgePrompt
{
    internal JudgePrompt(
        JudgeDefinition definition, string traceId, string systemText, string userText, IReadOnlyList<RetrievedExample> examples, IReadOnlyList<Guideline> guidelines,
        JudgeMemory? memory = null)
    {
        Memory = memory;
        Definition = definition;
        TraceId = traceId;
        SystemText = systemText;
        UserText = userText;
        Examples = examples;
        Guidelines = guidelines;
    }

    /// <summary>The judge the prompt is for.</summary>
    public JudgeDefinition Definition { get; }

    /// <summary>The trace being judged.</summary>
    public string TraceId { get; }

    /// <summary>
    /// The system message, identical for every trace of a judge version: the judge's role, the reply format, the rubric
    /// (with each field as a reference, when <see cref="JudgeDefinition.IsPromptCacheFriendly"/>) and the guidelines.
    /// </summary>
    public string SystemText { get; }

    /// <summary>
    /// The user message: the retrieved examples, then the trace's fields as JSON values (or, for a rubric that is not
    /// cache-friendly, the rubric rendered with the trace's data).
    /// </summary>
    public string UserText { get; }

    /// <summary>The examples retrieved from episodic memory, most similar first.</summary>
    public IReadOnlyList<RetrievedExample> Examples { get; }

    /// <summary>The guidelines of semantic memory.</summary>
    public IReadOnlyList<Guideline> Guidelines { get; }

    // The memory the examples were retrieved from: the local judge reads its label distribution; never sent to a model.
    internal JudgeMemory? Memory { get; }
}
