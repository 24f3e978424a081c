using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using MemAlign.Generators.Model;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators.Parsing;

/// <summary>Checks a judge's or label schema's name (MAJ009): present and lower_snake_case.</summary>
internal static class Names
{
    public static void Check(List<DiagnosticInfo> findings, string what, string? name, AttributeData attribute, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            findings.Add(DiagnosticInfo.Create(JudgeRuleIds.NameNotSnakeCase, AttributeArguments.FirstArgumentLocation(attribute, type, cancellationToken), null,
                $"'{type.Name}' has no {what} name; give it a lower_snake_case name such as \"helpfulness\""));
            return;
        }

        if (!NameRules.IsSnakeCase(name!))
        {
            var suggestion = NameRules.ToSnakeCase(name!);
            var properties = AttributeArguments.FirstIsLiteral(attribute, cancellationToken)
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Suggestion, suggestion).Add(DiagnosticProperties.Replace, DiagnosticProperties.ReplaceLiteral)
                : null;
            findings.Add(DiagnosticInfo.Create(JudgeRuleIds.NameNotSnakeCase, AttributeArguments.FirstArgumentLocation(attribute, type, cancellationToken), properties,
                $"The name '{name}' is not lower_snake_case; use '{suggestion}'"));
        }
    }
}
