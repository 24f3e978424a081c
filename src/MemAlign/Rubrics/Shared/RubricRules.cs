using System;
using System.Collections.Generic;
using System.Linq;

namespace MemAlign.Rubrics;

/// <summary>
/// The rules every judge rubric must follow (MAJ003-MAJ006), checked identically by the analyzers at
/// build time and by <c>JudgeDefinition.Create</c> at run time.
/// </summary>
internal static class RubricRules
{
    /// <summary>The variables a rubric may use, in the order the reference embeds them.</summary>
    public static readonly IReadOnlyList<string> AllowedVariables = ["inputs", "outputs", "expectations", "conversation", "trace"];

    public const string Conversation = "conversation";
    public const string Expectations = "expectations";

    /// <summary>Inspects a rubric and applies every rubric rule; an empty list means the rubric is valid.</summary>
    public static IReadOnlyList<RubricFinding> Check(RubricInspection inspection)
    {
        if (inspection.SyntaxErrors.Count > 0)
        {
            return inspection.SyntaxErrors;
        }

        var lines = new LineMap(inspection.Text);
        var findings = new List<RubricFinding>();
        foreach (var variable in inspection.Variables)
        {
            if (!AllowedVariables.Contains(variable.Name))
            {
                var closest = NameRules.Closest(variable.Name, AllowedVariables);
                var hint = closest is null ? "" : $" Did you mean '{closest}'?";
                findings.Add(lines.Finding(
                    JudgeRuleIds.UnknownVariable,
                    $"'{variable.Name}' is not a rubric variable; use {string.Join(", ", AllowedVariables)}.{hint}",
                    variable.Offset,
                    variable.Name.Length,
                    closest));
            }
        }

        var allowedUsed = inspection.VariableNames.Where(AllowedVariables.Contains).ToList();
        if (inspection.VariableNames.Count == 0)
        {
            findings.Add(lines.Finding(
                JudgeRuleIds.NoVariable,
                "The rubric uses no variable, so every trace would get the same prompt; use at least one of "
                + string.Join(", ", AllowedVariables.Select(v => "{{ " + v + " }}")) + ".",
                0,
                inspection.Text.Length));
        }

        if (allowedUsed.Contains(Conversation))
        {
            foreach (var variable in inspection.Variables)
            {
                if (variable.Name != Conversation && variable.Name != Expectations && AllowedVariables.Contains(variable.Name))
                {
                    findings.Add(lines.Finding(
                        JudgeRuleIds.ConversationCombination,
                        $"A rubric that uses 'conversation' can combine it only with 'expectations', not with '{variable.Name}'.",
                        variable.Offset,
                        variable.Name.Length));
                }
            }
        }

        return findings;
    }
}
