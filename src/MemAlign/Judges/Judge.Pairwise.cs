using MemAlign.Prompting;

namespace MemAlign;

// Pairwise traces: asked in both orders, the second answer mapped back, a winner only when both agree.
public abstract partial class Judge
{
    private async Task<(VerdictData Verdict, JudgePrompt? Prompt)> JudgePairAsync(Trace trace, CancellationToken cancellationToken)
    {
        var started = Options.TimeProvider.GetTimestamp();
        if (!Definition.ValueType.IsPreference)
        {
            return (Failure(trace.Id, new JudgeError(JudgeErrorKind.RenderFailure,
                $"Judge '{Name}' cannot judge pairwise trace '{trace.Id}': it answers {Definition.ValueType.Describe()}, and a pairwise judge answers \"A\", \"B\" or \"Tie\" (FeedbackValueType.Preference)."), started), null);
        }

        if (PairwiseTrace.Problem(trace) is { } problem)
        {
            return (Failure(trace.Id, new JudgeError(JudgeErrorKind.RenderFailure, $"Judge '{Name}' cannot judge pairwise trace '{trace.Id}': {problem}."), started), null);
        }

        var (asGiven, prompt) = await JudgeOnceAsync(trace, cancellationToken).ConfigureAwait(false);
        if (asGiven.Error is not null)
        {
            return (asGiven, prompt);
        }

        if (IsLocal)
        {
            // The local judge votes with the labels of similar pairs and sees no position: asking again swapped would only repeat it.
            var answer = ToPreference(asGiven.Feedback!);
            return (asGiven with { Pairwise = new PairwiseOrders(answer, answer) }, prompt);
        }

        var (swapped, _) = await JudgeOnceAsync(PairwiseTrace.Swap(trace), cancellationToken).ConfigureAwait(false);
        var usage = asGiven.Usage + swapped.Usage;
        var calls = asGiven.ModelCalls + swapped.ModelCalls;
        var latency = Options.TimeProvider.GetElapsedTime(started);
        if (swapped.Error is not null)
        {
            var error = swapped.Error with { Message = $"With the candidates swapped: {swapped.Error.Message}" };
            return (swapped with { Error = error, Usage = usage, ModelCalls = calls, Latency = latency }, prompt);
        }

        var orders = new PairwiseOrders(ToPreference(asGiven.Feedback!), PairwiseTrace.MapBack(ToPreference(swapped.Feedback!)));
        var value = orders.IsConsistent ? orders.AsGiven
            : Options.WhenInconsistent == PairwiseInconsistency.Inconsistent ? Preference.Inconsistent : Preference.Tie;
        var rationale = $"{value}: with A shown first, {orders.AsGiven} ({asGiven.Rationale?.Trim()}); with B shown first, {orders.Swapped} "
            + $"(mapped back; {swapped.Rationale?.Trim()})" + (orders.IsConsistent ? "." : "; the orders disagree.");
        return (asGiven with
        {
            Feedback = FeedbackValue.FromText(value.ToString()),
            Rationale = rationale,
            Usage = usage,
            ModelCalls = calls,
            Latency = latency,
            RetrievedExampleIds = [.. asGiven.RetrievedExampleIds.Union(swapped.RetrievedExampleIds, StringComparer.Ordinal)],
            Confidence = asGiven.Confidence is { } c1 && swapped.Confidence is { } c2 ? Math.Min(c1, c2) : null,
            Pairwise = orders,
        }, prompt);
    }

    private static Preference ToPreference(FeedbackValue value) => Enum.Parse<Preference>(value.AsText(), ignoreCase: true);
}
