using MemAlign.Rubrics;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators;

/// <summary>Every MemAlign diagnostic, in one place. IDs come from <see cref="JudgeRuleIds"/>, shared with the runtime.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "MemAlign";
    private const string HelpBase = "https://github.com/memalign/memalign-dotnet/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor LabelSchemaWithoutJudge = Create(JudgeRuleIds.LabelSchemaWithoutJudge,
        "Label schema matches no judge",
        "Label schema '{0}' matches no judge in this compilation{1}; feedback under this name would never align a judge");

    public static readonly DiagnosticDescriptor LabelSchemaTypeMismatch = Create(JudgeRuleIds.LabelSchemaTypeMismatch,
        "Label schema and judge disagree on the value type",
        "Label schema '{0}' collects {1}, but judge '{0}' returns {2}");

    public static readonly DiagnosticDescriptor LabelSchemaNotApplicableMismatch = Create(JudgeRuleIds.LabelSchemaNotApplicableMismatch,
        "Label schema and judge disagree on 'not applicable'",
        "Label schema '{0}' {1}, but judge '{0}' {2}; labels and verdicts must mean the same by every value");

    public static readonly DiagnosticDescriptor PairwiseWithoutOutputs = Create(JudgeRuleIds.PairwiseWithoutOutputs,
        "Pairwise judge whose rubric does not show the candidates",
        "Judge '{0}': {1}");

    public static readonly DiagnosticDescriptor UnknownVariable = Create(JudgeRuleIds.UnknownVariable,
        "Unknown rubric variable",
        "Judge '{0}': {1}");

    public static readonly DiagnosticDescriptor TemplateSyntax = Create(JudgeRuleIds.TemplateSyntax,
        "Rubric is not valid Scriban",
        "Judge '{0}': {1}");

    public static readonly DiagnosticDescriptor NoVariable = Create(JudgeRuleIds.NoVariable,
        "Rubric uses no variable",
        "Judge '{0}': {1}");

    public static readonly DiagnosticDescriptor ConversationCombination = Create(JudgeRuleIds.ConversationCombination,
        "'conversation' combined with a variable other than 'expectations'",
        "Judge '{0}': {1}");

    public static readonly DiagnosticDescriptor DuplicateJudgeName = Create(JudgeRuleIds.DuplicateJudgeName,
        "Two judges share a name",
        "Judge name '{0}' is also used by {1}; feedback for one would align the other");

    public static readonly DiagnosticDescriptor InvalidDeclaration = Create(JudgeRuleIds.InvalidJudgeDeclaration,
        "Malformed judge or label schema declaration",
        "'{0}' {1}");

    public static readonly DiagnosticDescriptor NameNotSnakeCase = Create(JudgeRuleIds.NameNotSnakeCase,
        "Name is missing or not lower_snake_case",
        "{0}");

    public static readonly DiagnosticDescriptor InvalidValueType = Create(JudgeRuleIds.InvalidValueType,
        "Invalid value type or scale",
        "'{0}': {1}");

    public static readonly DiagnosticDescriptor MemoryWithoutJudge = Create(Memory.MemoryRuleIds.MemoryWithoutJudge,
        "Memory file for a judge that does not exist",
        "Memory file '{0}' is for judge '{1}', which is not declared in this compilation{2}; correct \"judge\" in the file, or declare the judge");

    public static readonly DiagnosticDescriptor StaleMemory = Create(Memory.MemoryRuleIds.StaleMemory,
        "Memory file aligned for another rubric or value type",
        "Memory file '{0}' is stale: {2} since judge '{1}' was aligned; the judge still uses this memory. Re-align with '{3}', or, to keep the memory as it is, {4}.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidMemoryFile = Create(Memory.MemoryRuleIds.InvalidMemoryFile,
        "Invalid memory file",
        "Memory file '{0}' is not valid: {1}");

    /// <summary>Every descriptor by its ID.</summary>
    public static readonly System.Collections.Generic.IReadOnlyDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        LabelSchemaWithoutJudge, LabelSchemaTypeMismatch, UnknownVariable, TemplateSyntax, NoVariable, ConversationCombination,
        DuplicateJudgeName, InvalidDeclaration, NameNotSnakeCase, InvalidValueType,
        MemoryWithoutJudge, StaleMemory, InvalidMemoryFile, LabelSchemaNotApplicableMismatch, PairwiseWithoutOutputs,
    }.ToDictionary(d => d.Id);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
