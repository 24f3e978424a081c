using MemAlign.Evaluation;
using MemAlign.Models;
using MemAlign.Telemetry;

namespace MemAlign;

// The batch path (Evaluator.RunBatchAsync): the same prompt and reply reading as EvaluateAsync, split in two
// because the request goes out in one process and its reply may come back in another.
public abstract partial class Judge
{
    /// <summary>Whether the judge answers without a model (the local judge): a batch has nothing to send for it.</summary>
    internal bool IsLocal => _model is LocalJudgeModel;

    /// <summary>The batch API of the judge's model, or <see langword="null"/> when its chat client offers none.</summary>
    internal IBatchChatClient? BatchClient => (_model as ChatJudgeModel)?.BatchClient;

    /// <summary>
    /// The batch row <see cref="EvaluateAsync"/> would send first for <paramref name="trace"/>, with the prompt it was
    /// built from; or, when no prompt can be built, the error verdict <see cref="EvaluateAsync"/> would give.
    /// </summary>
    internal async Task<(JudgePrompt? Prompt, ChatBatchRequest? Request, VerdictData? Failed)> BatchRequestAsync(Trace trace, CancellationToken cancellationToken)
    {
        var model = _model as ChatJudgeModel ?? throw new InvalidOperationException($"Judge '{Name}' has no chat model to send a batch to.");
        var (prompt, failed) = await TryBuildPromptAsync(trace, Options.TimeProvider.GetTimestamp(), cancellationToken).ConfigureAwait(false);
        return prompt is null ? (null, null, failed) : (prompt, model.BatchRequest(prompt), null);
    }

    /// <summary>The verdict a batch row gives, read as <see cref="EvaluateAsync"/> reads a reply.</summary>
    internal VerdictData BatchVerdict(JudgePrompt prompt, ChatBatchResult result, string batchId, TimeSpan latency)
    {
        var model = _model as ChatJudgeModel ?? throw new InvalidOperationException($"Judge '{Name}' has no chat model to read a batch reply with.");
        using var activity = JudgeTelemetry.Start(Name, _model.Id, prompt.TraceId);
        var verdict = Verdict(prompt.TraceId, model.FromBatch(prompt, result, batchId), Retrieved(prompt), latency);
        JudgeTelemetry.Record(activity, verdict, _model.Id, prompt, Options);
        return verdict;
    }
}
