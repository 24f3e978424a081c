namespace MemAlign.Storage.Sql;

/// <summary>
/// How an assessment's source type is written in the <c>source_type</c> column: <c>HUMAN</c>, <c>LLM_JUDGE</c> or
/// <c>CODE</c>. The names are the store's own format, fixed by every database already written; they match the
/// JSON Lines trace schema's today, but neither follows the other.
/// </summary>
internal static class SourceTypeColumn
{
    public static string Name(AssessmentSourceType type) => type switch
    {
        AssessmentSourceType.Human => "HUMAN",
        AssessmentSourceType.LlmJudge => "LLM_JUDGE",
        AssessmentSourceType.Code => "CODE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an assessment source type."),
    };

    public static AssessmentSourceType Parse(string name) => name switch
    {
        "HUMAN" => AssessmentSourceType.Human,
        "LLM_JUDGE" => AssessmentSourceType.LlmJudge,
        "CODE" => AssessmentSourceType.Code,
        _ => throw new InvalidDataException($"An assessment in the store has the source type '{name}', which is not HUMAN, LLM_JUDGE or CODE."),
    };
}
