using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MemAlign.Generators.Model;
using MemAlign.Rubrics;

namespace MemAlign.Generators.Parsing;

/// <summary>
/// The checks that need every judge: a label schema matches a judge (MAJ001) of the same value type
/// (MAJ002; a numeric schema without [Scale] takes its judge's scale) and "not applicable" value (MAJ015),
/// and no two judges share a name (MAJ007). Pure functions of the index entries, so the analyzer and the generator agree.
/// </summary>
internal static class LabelChecks
{
    /// <summary>The schema's value type once resolved against its judge, and the findings (MAJ001, MAJ002, MAJ015).</summary>
    /// <param name="label">The schema.</param>
    /// <param name="judges">Every judge, in the order of <see cref="Ordered"/>.</param>
    public static (ValueTypeSpec? ValueType, List<DiagnosticInfo> Findings) Resolve(LabelReference label, IReadOnlyList<JudgeKey> judges)
    {
        var findings = new List<DiagnosticInfo>();
        var sameName = judges.Where(j => j.Name == label.Name).ToList();
        if (sameName.Count == 0)
        {
            var closest = NameRules.Closest(label.Name, judges.Select(j => j.Name).Distinct().OrderBy(n => n, System.StringComparer.Ordinal));
            var properties = closest is not null && label.NameIsLiteral
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Suggestion, closest).Add(DiagnosticProperties.Replace, DiagnosticProperties.ReplaceLiteral)
                : null;
            findings.Add(new DiagnosticInfo(JudgeRuleIds.LabelSchemaWithoutJudge, label.NameLocation,
                new EquatableArray<string>([label.Name, closest is null ? "" : $" (did you mean '{closest}'?)"]), Properties(properties)));
            return (null, findings);
        }

        // Judges sharing a name are MAJ007; the schema is compared with the first, in a stable order.
        var judge = sameName[0].ValueType;
        if (label.ValueType is not { } declared || judge is null)
        {
            return (null, findings); // the declaration's own problem (MAJ010) is reported where it is
        }

        // A schema without [Scale] takes the judge's whole scale, its "not applicable" value included.
        var resolved = declared.NeedsScale && judge.IsNumeric && judge.Kind == declared.Kind ? declared.WithScale(judge.Minimum, judge.Maximum, judge.NotApplicable) : declared;

        // Copying the judge's scale fixes a numeric schema of the judge's kind.
        var fix = judge.IsNumeric && judge.Kind == declared.Kind
            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Scale, judge.ScaleArguments())
            : null;
        if (SameValues(resolved, judge))
        {
            if (resolved.NotApplicable == judge.NotApplicable)
            {
                return (resolved, findings);
            }

            // The same scale, but one side allows "not applicable" and the other does not (or another value): MAJ015.
            findings.Add(new DiagnosticInfo(JudgeRuleIds.LabelSchemaNotApplicableMismatch, label.Identifier,
                new EquatableArray<string>([label.Name, resolved.DescribeNotApplicable(), judge.DescribeNotApplicable()]), Properties(fix)));
            return (null, findings);
        }

        findings.Add(new DiagnosticInfo(JudgeRuleIds.LabelSchemaTypeMismatch, label.Identifier,
            new EquatableArray<string>([label.Name, declared.Describe(), judge.Describe()]), Properties(fix)));
        return (null, findings);
    }

    /// <summary>MAJ007 for one judge: the other types that declare its name.</summary>
    public static DiagnosticInfo? Duplicate(JudgeEntry judge, IEnumerable<JudgeKey> all)
    {
        var others = all.Where(j => j.Name == judge.Key.Name && j.TypeDisplay != judge.Key.TypeDisplay).Select(j => j.TypeDisplay).OrderBy(t => t, System.StringComparer.Ordinal).ToList();
        return others.Count == 0
            ? null
            : new DiagnosticInfo(JudgeRuleIds.DuplicateJudgeName, judge.NameLocation, new EquatableArray<string>([judge.Key.Name, string.Join(", ", others)]), new EquatableArray<string>([]));
    }

    /// <summary>The judges in the order every check uses: by name, then type.</summary>
    public static IReadOnlyList<JudgeKey> Ordered(IEnumerable<JudgeKey> judges) =>
        judges.OrderBy(j => j.Name, System.StringComparer.Ordinal).ThenBy(j => j.TypeDisplay, System.StringComparer.Ordinal).ToList();

    private static bool SameValues(ValueTypeSpec a, ValueTypeSpec b) =>
        a.Kind == b.Kind && a.Minimum == b.Minimum && a.Maximum == b.Maximum && a.Options.Equals(b.Options)
        && (a.Kind != FeedbackTypeKind.Categorical || a.ClrType == b.ClrType);

    private static EquatableArray<string> Properties(ImmutableDictionary<string, string?>? properties) =>
        new((properties ?? ImmutableDictionary<string, string?>.Empty).OrderBy(p => p.Key, System.StringComparer.Ordinal).SelectMany(p => new[] { p.Key, p.Value ?? "" }));
}
