namespace MemAlign.Generators;

/// <summary>Metadata names of the runtime types the generator and analyzers look for.</summary>
internal static class KnownNames
{
    public const string JudgeAttribute = "MemAlign.JudgeAttribute";
    public const string RubricAttribute = "MemAlign.RubricAttribute";
    public const string ScaleAttribute = "MemAlign.ScaleAttribute";
    public const string LabelSchemaAttribute = "MemAlign.LabelSchemaAttribute";
    public const string JudgeBase = "MemAlign.Judge`1";
    public const string LabelBase = "MemAlign.Label`1";
}
