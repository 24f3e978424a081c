using System.CommandLine;
using System.Globalization;
using MemAlign.Cli.Json;
using MemAlign.Evaluation;

namespace MemAlign.Cli.Commands;

/// <summary>
/// The options 'align' and 'experiment' share about human labels: how several labels on a trace become one
/// (--label-rule, --ties, --adjudicator), and the check of the experts' agreement with each other before
/// anything is paid for (--min-human-agreement, --require-human-agreement).
/// </summary>
internal sealed class LabelOptions
{
    private readonly Option<Choice<LabelResolutionRule>> _rule = ChoiceOption.One("--label-rule",
        "How several human labels on a trace become one: majority, adjudicator (the --adjudicator's label wins where given), or unanimous (traces whose experts disagree are left out).",
        new Choice<LabelResolutionRule>("majority", LabelResolutionRule.Majority), new("adjudicator", LabelResolutionRule.Adjudicator), new("unanimous", LabelResolutionRule.DropDisagreements));

    private readonly Option<Choice<TiePolicy>> _ties = ChoiceOption.One("--ties", "Majority ties: recent (the most recent label wins) or drop.",
        new Choice<TiePolicy>("recent", TiePolicy.MostRecent), new("drop", TiePolicy.Drop));

    private readonly Option<string?> _adjudicator = new("--adjudicator") { Description = "The reviewer id whose label wins under --label-rule adjudicator." };

    private readonly Option<double> _threshold = new("--min-human-agreement")
    {
        Description = "The experts' agreement with each other (Krippendorff's alpha) below which a warning lists the most disagreed traces (default 0.667).",
        DefaultValueFactory = _ => HumanAgreement.DefaultThreshold,
    };

    private readonly Option<bool> _includeNonBlind = new("--include-non-blind")
    {
        Description = "Count labels given after the reviewer saw the judge's verdict in the experts' agreement (left out by default: they anchor on the judge).",
    };

    private readonly Option<bool> _require = new("--require-human-agreement") { Description = "Refuse (exit 1) instead of warning when the experts' agreement is below --min-human-agreement or cannot be measured." };

    public void AddTo(Command command)
    {
        command.Options.Add(_rule);
        command.Options.Add(_ties);
        command.Options.Add(_adjudicator);
        command.Options.Add(_threshold);
        command.Options.Add(_require);
        command.Options.Add(_includeNonBlind);
    }

    public LabelResolution Resolution(ParseResult parse)
    {
        var resolution = new LabelResolution { Rule = parse.GetValue(_rule)!.Value, Ties = parse.GetValue(_ties)!.Value, Adjudicator = parse.GetValue(_adjudicator) };
        try
        {
            resolution.Validate();
        }
        catch (ArgumentException e)
        {
            throw UsageException.From(e);
        }

        return resolution;
    }

    /// <summary>
    /// Measures the experts' agreement on the traces about to be used, warns below the threshold with the most
    /// disagreed traces and how to resolve them, or refuses when asked to; returns the measurement for --json.
    /// </summary>
    public HumanAgreementCheckJson Check(CommandContext context, JudgeDefinition definition, IReadOnlyList<Trace> traces)
    {
        var threshold = context.Parse.GetValue(_threshold);
        var require = context.Parse.GetValue(_require);
        var agreement = HumanAgreement.Compute(definition, traces, includeNonBlind: context.Parse.GetValue(_includeNonBlind));
        var json = HumanAgreementCheckJson.From(agreement, threshold);
        if (!agreement.IsMeasured)
        {
            if (require)
            {
                throw new FindingsException($"Human agreement for '{definition.Name}' is {agreement}; --require-human-agreement needs traces labelled by two or more experts.");
            }

            return json;
        }

        if (!agreement.IsBelow(threshold))
        {
            context.Output.Notice($"Human agreement for '{definition.Name}': {agreement} (at or above {threshold.ToString("0.###", CultureInfo.InvariantCulture)}).");
            return json;
        }

        var message = $"Human agreement for '{definition.Name}' is low: {agreement}, below {threshold.ToString("0.###", CultureInfo.InvariantCulture)}. "
            + "A judge aligned on labels the experts do not share learns their disagreement. Most disagreed traces: "
            + string.Join("; ", agreement.MostDisagreed.Take(5).Select(d => $"{d.TraceId} ({string.Join(", ", d.Labels.Select(l => $"{l.Key}: {l.Value}"))})"))
            + ". To resolve: have the experts discuss these traces and relabel them (memalign import), name an adjudicator (--label-rule adjudicator --adjudicator ID), "
            + "or use only the traces they agree on (--label-rule unanimous).";
        if (require)
        {
            throw new FindingsException(message + " Refused (--require-human-agreement).");
        }

        context.Output.Notice("warning: " + message);
        return json;
    }
}
