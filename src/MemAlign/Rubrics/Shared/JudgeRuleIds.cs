namespace MemAlign.Rubrics;

/// <summary>The ids of the judge rules, shared by the analyzers' diagnostics and the runtime's exceptions.</summary>
internal static class JudgeRuleIds
{
    public const string LabelSchemaWithoutJudge = "MAJ001";
    public const string LabelSchemaTypeMismatch = "MAJ002";
    public const string UnknownVariable = "MAJ003";
    public const string TemplateSyntax = "MAJ004";
    public const string NoVariable = "MAJ005";
    public const string ConversationCombination = "MAJ006";
    public const string DuplicateJudgeName = "MAJ007";
    public const string InvalidJudgeDeclaration = "MAJ008";
    public const string NameNotSnakeCase = "MAJ009";
    public const string InvalidValueType = "MAJ010";
    public const string LabelSchemaNotApplicableMismatch = "MAJ015";
    public const string PairwiseWithoutOutputs = "MAJ016";

    // MAJ011 ("a session-level judge cannot be aligned") was retired when conversation judges learnt to align:
    // never give its id to another rule.
}
