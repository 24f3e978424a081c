using System.Text.Json.Serialization;

namespace MemAlign;

/// <summary>Who produced an assessment. Serialized as <c>HUMAN</c>, <c>LLM_JUDGE</c> or <c>CODE</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssessmentSourceType>))]
public enum AssessmentSourceType
{
    /// <summary>A person, typically a domain expert. Only these assessments are learned from.</summary>
    [JsonStringEnumMemberName("HUMAN")]
    Human,

    /// <summary>An LLM judge.</summary>
    [JsonStringEnumMemberName("LLM_JUDGE")]
    LlmJudge,

    /// <summary>Deterministic code, such as a heuristic scorer.</summary>
    [JsonStringEnumMemberName("CODE")]
    Code,
}
