namespace MemAlign;

/// <summary>How several human labels on one trace become the one label a judge learns from and is scored against.</summary>
public enum LabelResolutionRule
{
    /// <summary>The value most experts gave wins; a tie is settled by <see cref="LabelResolution.Ties"/>.</summary>
    Majority,

    /// <summary>
    /// The designated adjudicator's label wins wherever the adjudicator labelled the trace; on other traces
    /// the majority rule applies.
    /// </summary>
    Adjudicator,

    /// <summary>Only unanimous traces are used: a trace whose experts disagree is left out.</summary>
    DropDisagreements,
}

/// <summary>What the majority rule does when two or more values are tied for the most votes.</summary>
public enum TiePolicy
{
    /// <summary>The tied value with the most recent label wins (the default, as MLflow's latest-feedback rule).</summary>
    MostRecent,

    /// <summary>The trace is left out.</summary>
    Drop,
}

/// <summary>
/// The documented rule that turns several human labels on a trace into one: majority (ties to the most
/// recent label, or dropped), a designated adjudicator, or only unanimous traces. The same rule serves
/// alignment (which examples a judge learns), evaluation and experiments (what a judge is scored against).
/// </summary>
public sealed record LabelResolution
{
    /// <summary>The majority rule, ties to the most recent label.</summary>
    public static LabelResolution Default { get; } = new();

    /// <summary>The rule (default <see cref="LabelResolutionRule.Majority"/>).</summary>
    public LabelResolutionRule Rule { get; init; } = LabelResolutionRule.Majority;

    /// <summary>How the majority rule settles ties (default <see cref="TiePolicy.MostRecent"/>).</summary>
    public TiePolicy Ties { get; init; } = TiePolicy.MostRecent;

    /// <summary>The reviewer (assessment source id) whose label wins under <see cref="LabelResolutionRule.Adjudicator"/>.</summary>
    public string? Adjudicator { get; init; }

    /// <summary>Checks the rule is complete.</summary>
    /// <exception cref="ArgumentException">The adjudicator rule without an adjudicator.</exception>
    public void Validate()
    {
        if (Rule == LabelResolutionRule.Adjudicator && string.IsNullOrWhiteSpace(Adjudicator))
        {
            throw new ArgumentException("The adjudicator rule needs the adjudicator's reviewer id (LabelResolution.Adjudicator).", nameof(Adjudicator));
        }
    }

    /// <inheritdoc />
    public override string ToString() => Rule switch
    {
        LabelResolutionRule.Adjudicator => $"adjudicator '{Adjudicator}', else majority ({Describe(Ties)})",
        LabelResolutionRule.DropDisagreements => "unanimous traces only (disagreements dropped)",
        _ => $"majority ({Describe(Ties)})",
    };

    private static string Describe(TiePolicy ties) => ties == TiePolicy.Drop ? "ties dropped" : "ties to the most recent label";
}

/// <summary>How many labelled traces each part of a <see cref="LabelResolution"/> decided.</summary>
/// <param name="SingleLabel">Traces with one usable human label.</param>
/// <param name="Unanimous">Traces with several labels, all equal.</param>
/// <param name="Majority">Disagreements settled by a strict majority.</param>
/// <param name="TiesToMostRecent">Ties settled by the most recent label.</param>
/// <param name="Adjudicated">Disagreements the adjudicator's label settled.</param>
/// <param name="DroppedTies">Ties left out (<see cref="TiePolicy.Drop"/>).</param>
/// <param name="DroppedDisagreements">Disagreements left out (<see cref="LabelResolutionRule.DropDisagreements"/>).</param>
public sealed record LabelResolutionCounts(int SingleLabel, int Unanimous, int Majority, int TiesToMostRecent, int Adjudicated, int DroppedTies, int DroppedDisagreements)
{
    /// <summary>No traces.</summary>
    public static LabelResolutionCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Traces with two or more usable human labels.</summary>
    public int MultiplyLabelled => Unanimous + Majority + TiesToMostRecent + Adjudicated + DroppedTies + DroppedDisagreements;

    /// <summary>Traces where the experts disagreed.</summary>
    public int Disagreements => Majority + TiesToMostRecent + DroppedTies + DroppedDisagreements + Adjudicated;

    /// <inheritdoc />
    public override string ToString() =>
        $"{SingleLabel} single-label, {Unanimous} unanimous, {Majority} by majority, {TiesToMostRecent} ties to the most recent, {Adjudicated} adjudicated, "
        + $"{DroppedTies} ties dropped, {DroppedDisagreements} disagreements dropped";
}
