using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MemAlign.Generators.Model;
using MemAlign.Rubrics;
using static MemAlign.Alignment.MemoryFileContract;

namespace MemAlign.Generators.Memory;

/// <summary>
/// The checks between memory files and judges: a file for no judge (MAJ012), two files for one judge and
/// values the judge cannot return (MAJ014), and an alignment made for another rubric or value type (MAJ013).
/// Pure functions of the pipeline's models.
/// </summary>
internal static class MemoryChecks
{
    /// <summary>MAJ014 at <paramref name="location"/>.</summary>
    public static DiagnosticInfo Invalid(LocationInfo location, string displayPath, string reason) =>
        new(MemoryRuleIds.InvalidMemoryFile, location, new EquatableArray<string>([displayPath, reason]), new EquatableArray<string>([]));

    /// <summary>
    /// Why <paramref name="value"/> is not a canonical value of <paramref name="type"/> (a reason starting with
    /// punctuation, to follow a sentence), or <see langword="null"/>. Canonical as the runtime compares: true
    /// not "yes", 4 not "4", an option as spelled.
    /// </summary>
    public static string? Misfit(MemoryExampleValue value, FileValueType type)
    {
        switch (type.Kind)
        {
            case FeedbackTypeKind.Boolean:
                return value.Kind == ExampleValueKind.Boolean ? null : ": expected true or false.";
            case FeedbackTypeKind.Integer or FeedbackTypeKind.Number:
                var text = value.Kind is ExampleValueKind.Number or ExampleValueKind.String ? value.Text.Trim() : null;
                if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsInfinity(number) || double.IsNaN(number))
                {
                    return ": expected a number.";
                }

                if (type.Kind == FeedbackTypeKind.Integer && number != Math.Floor(number))
                {
                    return ": expected a whole number.";
                }

                if (number != type.NotApplicable && (number < type.Minimum || number > type.Maximum))
                {
                    return $": {ValueTypeSpec.Format(number)} is outside the scale {type.Scale()}.";
                }

                return value.Kind == ExampleValueKind.Number ? null : $"; write {ValueTypeSpec.Format(number)}.";
            case FeedbackTypeKind.Categorical:
                if (value.Kind == ExampleValueKind.String)
                {
                    if (type.Options.Contains(value.Text))
                    {
                        return null;
                    }

                    if (type.Options.FirstOrDefault(o => string.Equals(o, value.Text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } option)
                    {
                        return $"; write \"{option}\".";
                    }
                }

                return $": it is not one of the options ({string.Join(", ", type.Options)}).";
            default:
                return value.Kind == ExampleValueKind.String ? null : ": expected text (a string).";
        }
    }

    /// <summary>MAJ012 for a file whose judge is not declared, naming the closest judge when one is close.</summary>
    public static DiagnosticInfo? MissingJudge(MemoryFileSpec file, IReadOnlyList<JudgeKey> judges)
    {
        if (file.JudgeName is not { } name || judges.Any(j => j.Name == name))
        {
            return null;
        }

        var closest = NameRules.Closest(name, judges.Select(j => j.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal));
        return new DiagnosticInfo(MemoryRuleIds.MemoryWithoutJudge, file.JudgeLocation,
            new EquatableArray<string>([file.DisplayPath, name, closest is null ? "" : $" (did you mean '{closest}'?)"]), new EquatableArray<string>([]));
    }

    /// <summary>MAJ014 for every file that shares its judge with another: a judge takes one memory.</summary>
    public static IEnumerable<DiagnosticInfo> Duplicates(IEnumerable<MemoryFileSpec> files) =>
        files.Where(f => f.JudgeName is not null).GroupBy(f => f.JudgeName!, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(f => Invalid(f.JudgeLocation!, f.DisplayPath,
                $"judge '{g.Key}' also has the memory file {string.Join(", ", g.Where(o => o != f).Select(o => $"'{o.DisplayPath}'"))}; a judge takes one memory file, so keep one and delete the others.")));

    /// <summary>
    /// The memory a judge is built with, and what is wrong between them. A reworded rubric or another value
    /// type is a warning (MAJ013) and the memory is still compiled in, as the runtime still loads it; an
    /// example value the judge's value type does not allow is an error (MAJ014, at the example), and then
    /// the judge is built without the memory, which the runtime would refuse.
    /// </summary>
    public static JudgeWithMemory Apply(JudgeSpec judge, MemoryFileSpec? file)
    {
        var none = new EquatableArray<DiagnosticInfo>([]);
        if (file is null || !file.IsValid || judge.Problems.Count > 0 || judge.ValueType is not { } declared || judge.Rubric is null)
        {
            // An invalid file or judge has its own errors; the judge is generated as without a file.
            return new JudgeWithMemory(judge, none);
        }

        var findings = new List<DiagnosticInfo>();
        var current = FileValueType.Of(declared);
        var aligned = file.AlignedFor!;
        var changes = new List<string>();
        var accept = new List<string>();
        var hash = RubricHash(judge.Rubric);
        if (!string.Equals(hash, file.RubricHash, StringComparison.Ordinal))
        {
            changes.Add("the rubric was reworded");
            accept.Add($"\"{AlignedForProperty}.{RubricHashProperty}\" to \"{hash}\"");
        }

        if (ValueTypeChange(aligned, current) is { } change)
        {
            changes.Add(change);
            accept.Add($"\"{AlignedForProperty}.{ValueProperty}\" to {current.ToJson()}");
        }

        var embed = true;
        if (changes.Count > 0)
        {
            var name = judge.JudgeName!;
            findings.Add(new DiagnosticInfo(MemoryRuleIds.StaleMemory, file.AlignedForLocation,
                new EquatableArray<string>([file.DisplayPath, name, string.Join(" and ", changes),
                    $"memalign align --judge {name} --out {file.DisplayPath}", $"set {string.Join(" and ", accept)}"]),
                new EquatableArray<string>([])));
            foreach (var example in file.Examples)
            {
                if (Misfit(example, current) is { } misfit)
                {
                    embed = false;
                    findings.Add(Invalid(example.Location, file.DisplayPath,
                        $"example '{example.Id}' (trace '{example.TraceId}') has the value {example.Display}, which judge '{name}' ({current.Describe()}) does not allow{misfit} Re-align the judge, or correct the example."));
                }
            }
        }

        var memory = embed ? new EmbeddedMemory(file.DisplayPath, file.Json!, file.GuidelineCount, file.Examples.Count) : null;
        return new JudgeWithMemory(judge with { Memory = memory }, new EquatableArray<DiagnosticInfo>(findings));
    }

    // "the scale changed from 1..5 to 1..3": what differs between two value types, or null. Options are
    // compared as a set: an enum's members in another order are the same choices.
    private static string? ValueTypeChange(FileValueType aligned, FileValueType current)
    {
        if (aligned.Kind != current.Kind)
        {
            return $"the value type changed from {aligned.Describe()} to {current.Describe()}";
        }

        if (aligned.Minimum != current.Minimum || aligned.Maximum != current.Maximum || aligned.NotApplicable != current.NotApplicable)
        {
            return $"the scale changed from {aligned.Scale()} to {current.Scale()}";
        }

        return aligned.Options.Count == current.Options.Count && !aligned.Options.Except(current.Options, StringComparer.Ordinal).Any()
            ? null
            : $"the options changed from ({string.Join(", ", aligned.Options)}) to ({string.Join(", ", current.Options)})";
    }
}

/// <summary>A judge with the memory it is built with (in its spec), and the findings between the two.</summary>
internal sealed record JudgeWithMemory(JudgeSpec Spec, EquatableArray<DiagnosticInfo> Findings);

/// <summary>The ids of the memory file diagnostics.</summary>
internal static class MemoryRuleIds
{
    public const string MemoryWithoutJudge = "MAJ012";
    public const string StaleMemory = "MAJ013";
    public const string InvalidMemoryFile = "MAJ014";
}
