namespace MemAlign;

/// <summary>The names of the trace fields a rubric can use as template variables.</summary>
public static class TraceField
{
    /// <summary>The request: <c>{{ inputs }}</c>.</summary>
    public const string Inputs = "inputs";

    /// <summary>The response: <c>{{ outputs }}</c>.</summary>
    public const string Outputs = "outputs";

    /// <summary>The expected answer or facts: <c>{{ expectations }}</c>.</summary>
    public const string Expectations = "expectations";

    /// <summary>The whole trace as JSON: <c>{{ trace }}</c>.</summary>
    public const string Trace = "trace";

    /// <summary>The turns of a session, as a message list: <c>{{ conversation }}</c>.</summary>
    public const string Conversation = "conversation";
}
