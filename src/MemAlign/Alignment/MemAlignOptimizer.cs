using System.Numerics.Tensors;
using MemAlign.Alignment;
using MemAlign.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MemAlign;

/// <summary>
/// MemAlign: aligns a judge with expert feedback through two memories. Semantic memory holds guidelines
/// distilled from the experts' rationales (each citing its source traces); episodic memory holds the
/// labelled examples (one per trace, however many experts agreed on it), retrieved by embedding similarity
/// each time the judge scores. Alignment is
/// incremental: unchanged feedback costs nothing, changed feedback replaces its example and is
/// re-distilled alone, and a failed distillation batch is reported and retried on the next align.
/// </summary>
public sealed class MemAlignOptimizer : IAlignmentOptimizer
{
    private readonly IGuidelineDistiller _distiller;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly string _embeddingModelId;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly SecretRedactor _redactor;

    /// <summary>Creates the optimizer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public MemAlignOptimizer(MemAlignOptions? options = null)
    {
        Options = options ?? new MemAlignOptions();
        Options.Validate();
        _distiller = Options.ReflectionModel is { } model
            ? new ChatGuidelineDistiller(model, Options.ReflectionCallOptions)
            : new ExtractiveGuidelineDistiller();
        _embedder = Options.EmbeddingGenerator ?? new LocalEmbeddingGenerator(Options.EmbeddingDimensions);
        _embeddingModelId = _embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unnamed-embedder";
        _logger = Options.ReflectionCallOptions.LoggerFactory?.CreateLogger("MemAlign.Alignment") ?? NullLogger.Instance;
        _clock = Options.ReflectionCallOptions.TimeProvider;
        _redactor = Options.ReflectionCallOptions.SecretRedactor.With(SecretRedactor.Of(Options.ReflectionModel)).With(SecretRedactor.Of(_embedder));
    }

    /// <summary>The options.</summary>
    public MemAlignOptions Options { get; }

    /// <summary>The model that distils guidelines (the local extractive distiller's id when no reflection model is set).</summary>
    public string ReflectionModelId => _distiller.Id;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No traces were given.</exception>
    /// <exception cref="InvalidOperationException">
    /// No trace has usable feedback; a trace in memory has lost its feedback
    /// (use <see cref="UnalignAsync"/>); or the memory was embedded by another model.
    /// </exception>
    public Task<AlignedMemory> AlignAsync(JudgeDefinition definition, JudgeMemory memory, IReadOnlyList<Trace> traces, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(traces);
        return AlignmentTelemetry.TraceAsync(TelemetryNames.AlignOperation, definition.Name, ReflectionModelId, traces.Count, _clock,
            () => AlignCoreAsync(definition, memory, traces, cancellationToken));
    }

    private async Task<AlignedMemory> AlignCoreAsync(JudgeDefinition definition, JudgeMemory memory, IReadOnlyList<Trace> traces, CancellationToken cancellationToken)
    {
        if (traces.Count == 0)
        {
            throw new ArgumentException($"No traces provided for alignment of judge '{definition.Name}'.", nameof(traces));
        }

        var started = _clock.GetTimestamp();
        memory = StartingMemory(memory, definition.Name);
        var extraction = FeedbackExtractor.Extract(definition, traces, Options.LabelResolution, EmbeddingTokenLimit.For(_embedder));
        var (records, skipped, discarded) = extraction;
        Log(definition.Name, skipped, discarded);

        // A remembered trace that no longer yields feedback would silently lose its example: refuse.
        var diff = MemoryDiff.Compute(memory, records, skipped);
        if (diff.Retracted.Count > 0)
        {
            throw new InvalidOperationException(
                $"Cannot retract feedback for trace(s) {string.Join(", ", diff.Retracted.Select(r => $"'{r.TraceId}' ({r.Reason})"))} through align: "
                + $"judge '{definition.Name}' remembers them. Use UnalignAsync to remove them from memory.");
        }

        if (records.Count == 0)
        {
            throw new InvalidOperationException(
                $"No valid feedback records found for {traces.Count} trace(s) for judge '{definition.Name}'. "
                + $"Ensure traces contain human assessments with name '{definition.Name}' (source HUMAN) and every field the rubric uses.");
        }

        var remembered = memory.Examples.ToDictionary(e => e.TraceId, StringComparer.Ordinal);
        var embedding = await EmbedAsync(diff.Fresh, remembered, memory, cancellationToken).ConfigureAwait(false);
        var examples = diff.KeptExamples.ToList();
        foreach (var record in diff.Fresh)
        {
            var vector = embedding.Vectors[record.TraceId];
            examples.Add(record.ToExample(vector, isDistilled: false));
        }

        var dimensions = embedding.Dimensions ?? memory.EmbeddingDimensions;
        var distilled = await DistillAsync(definition, examples, diff.Guidelines.ToList(), cancellationToken).ConfigureAwait(false);
        var aligned = new JudgeMemory(distilled.Guidelines, distilled.Examples, memory.EmbeddingModelId, dimensions, Options.RetrievalK);
        var report = new AlignmentReport
        {
            ModelCalls = distilled.ModelCalls,
            Usage = distilled.Usage,
            EmbeddingCalls = embedding.Calls + distilled.EmbeddingCalls,
            TextsEmbedded = embedding.Texts,
            ExamplesAdded = diff.Added,
            ExamplesReplaced = diff.Replaced,
            ExamplesRemoved = diff.Removed,
            ExamplesUnchanged = diff.Unchanged,
            GuidelinesAdded = distilled.Added,
            GuidelinesMerged = distilled.Merged,
            GuidelinesDropped = diff.GuidelinesDropped,
            SkippedTraces = skipped,
            DiscardedAssessments = discarded,
            LabelResolution = extraction.Resolution,
            Failures = distilled.Failures,
            Elapsed = _clock.GetElapsedTime(started),
            GuidelineCount = distilled.Guidelines.Count,
            GuidelineTokens = distilled.GuidelineTokens,
            GuidelineTokenBudget = Options.MaxGuidelineTokens,
            GuidelinesDroppedForBudget = distilled.DroppedForBudget.Select(g => g.Text).ToList(),
        };
        return new AlignedMemory(aligned, _embedder, report);
    }

    /// <summary>
    /// Removes the examples of <paramref name="traceIds"/> from the memory and the traces from every
    /// guideline's sources; a distilled guideline left with no source is dropped (user-written guidelines
    /// stay). With <paramref name="redistill"/>, guidelines that lost some sources are distilled again from
    /// the sources they still have. Without it, no model is called.
    /// </summary>
    public Task<AlignedMemory> UnalignAsync(JudgeDefinition definition, JudgeMemory memory, IReadOnlyCollection<string> traceIds, bool redistill = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(traceIds);
        return AlignmentTelemetry.TraceAsync(TelemetryNames.UnalignOperation, definition.Name, ReflectionModelId, traceIds.Count, _clock,
            () => UnalignCoreAsync(definition, memory, traceIds, redistill, cancellationToken));
    }

    private async Task<AlignedMemory> UnalignCoreAsync(JudgeDefinition definition, JudgeMemory memory, IReadOnlyCollection<string> traceIds, bool redistill,
        CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        var ids = traceIds.ToHashSet(StringComparer.Ordinal);
        var known = memory.TraceIds;
        var skipped = ids.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal)
            .Select(id => new SkippedTrace(id, $"judge '{definition.Name}' has no example of this trace")).ToList();

        var examples = memory.Examples.Where(e => !ids.Contains(e.TraceId)).ToList();
        var removed = memory.Examples.Count - examples.Count;
        var guidelines = memory.Guidelines.ToList();
        var weakened = guidelines.Where(g => !g.IsUserWritten && g.SourceTraceIds.Any(ids.Contains) && !g.SourceTraceIds.All(ids.Contains)).Select(g => g.Text).ToHashSet();
        var dropped = MemoryDiff.PruneSources(guidelines, ids);

        var report = new AlignmentReport { ExamplesRemoved = removed, SkippedTraces = skipped };
        if (redistill && weakened.Count > 0)
        {
            // Re-distil what the weakened guidelines still rest on, in place of those guidelines.
            var resting = guidelines.Where(g => weakened.Contains(g.Text)).SelectMany(g => g.SourceTraceIds).ToHashSet(StringComparer.Ordinal);
            dropped += guidelines.RemoveAll(g => weakened.Contains(g.Text));
            examples = examples.Select(e => resting.Contains(e.TraceId) ? e.WithDistilled(false) : e).ToList();
            var distilled = await DistillAsync(definition, examples, guidelines, cancellationToken).ConfigureAwait(false);
            examples = distilled.Examples;
            guidelines = distilled.Guidelines;
            report = report with
            {
                ModelCalls = distilled.ModelCalls,
                Usage = distilled.Usage,
                EmbeddingCalls = distilled.EmbeddingCalls,
                GuidelinesAdded = distilled.Added,
                GuidelinesMerged = distilled.Merged,
                Failures = distilled.Failures,
                GuidelinesDroppedForBudget = distilled.DroppedForBudget.Select(g => g.Text).ToList(),
            };
        }

        report = report with
        {
            GuidelinesDropped = dropped,
            Elapsed = _clock.GetElapsedTime(started),
            GuidelineCount = guidelines.Count,
            GuidelineTokens = GuidelineBudget.Tokens(guidelines),
            GuidelineTokenBudget = Options.MaxGuidelineTokens,
        };
        return new AlignedMemory(memory.With(guidelines, examples), _embedder, report);
    }

    private JudgeMemory StartingMemory(JudgeMemory memory, string judgeName)
    {
        if (memory.Examples.Count == 0)
        {
            var dimensions = _embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions ?? Options.EmbeddingDimensions;
            return new JudgeMemory(memory.Guidelines, [], _embeddingModelId, dimensions, Options.RetrievalK);
        }

        if (memory.EmbeddingModelId != _embeddingModelId)
        {
            throw new InvalidOperationException(
                $"Judge '{judgeName}' remembers examples embedded by '{memory.EmbeddingModelId}', but this optimizer embeds with '{_embeddingModelId}'. "
                + "Align it with the same embedding model, or unalign its traces first.");
        }

        return memory;
    }

    private async Task<EmbeddingRun> EmbedAsync(
        IReadOnlyList<FeedbackRecord> fresh, Dictionary<string, EpisodicExample> remembered, JudgeMemory memory, CancellationToken cancellationToken)
    {
        var vectors = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        var pending = new List<FeedbackRecord>();
        foreach (var record in fresh)
        {
            // A changed verdict on the same text keeps its vector: only new text is embedded.
            if (remembered.TryGetValue(record.TraceId, out var old) && old.EmbeddedField == record.EmbeddedField && old.EmbeddedText == record.EmbeddedText)
            {
                vectors[record.TraceId] = old.Vector;
            }
            else
            {
                pending.Add(record);
            }
        }

        const int ChunkSize = 256;
        var calls = 0;
        int? dimensions = memory.Examples.Count > 0 ? memory.EmbeddingDimensions : null;
        foreach (var chunk in pending.Chunk(ChunkSize))
        {
            var texts = chunk.Select(r => TokenCounter.Truncate(r.EmbeddedText, Options.MaxEmbeddingInputTokens)).ToList();
            var embeddings = await _embedder.GenerateAsync(texts, new EmbeddingGenerationOptions { Dimensions = memory.EmbeddingDimensions }, cancellationToken).ConfigureAwait(false);
            calls++;
            if (embeddings.Count != chunk.Length)
            {
                throw new InvalidOperationException($"The embedder '{_embeddingModelId}' returned {embeddings.Count} vectors for {chunk.Length} texts.");
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                var vector = embeddings[i].Vector.ToArray();
                if (dimensions is { } expected && vector.Length != expected)
                {
                    throw new InvalidOperationException(
                        $"The embedder '{_embeddingModelId}' returned a {vector.Length}-dimensional vector for trace '{chunk[i].TraceId}'; the memory holds {expected}-dimensional ones.");
                }

                dimensions = vector.Length;
                var norm = TensorPrimitives.Norm(vector);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(vector, norm, vector);
                }

                vectors[chunk[i].TraceId] = vector;
            }
        }

        return new EmbeddingRun(vectors, calls, pending.Count, dimensions);
    }

    private async Task<DistillationRun> DistillAsync(JudgeDefinition definition, List<EpisodicExample> examples, List<Guideline> guidelines, CancellationToken cancellationToken)
    {
        var pending = examples.Where(e => !e.IsDistilled).ToList();
        if (pending.Count == 0)
        {
            // Nothing to distil: the guidelines stay as they are (order included) unless a lowered budget cuts them.
            var tokens = GuidelineBudget.Tokens(guidelines);
            var unchanged = tokens <= Options.MaxGuidelineTokens ? (Kept: guidelines, Dropped: new List<Guideline>(), Tokens: tokens) : GuidelineBudget.Apply(guidelines, Options.MaxGuidelineTokens);
            return new DistillationRun(examples, unchanged.Kept, 0, 0, 0, default, 0, [], unchanged.Dropped, unchanged.Tokens);
        }

        var existing = guidelines.Select(g => g.Text).ToList();
        var records = pending.Select(e => new DistillationRecord(e.TraceId, e.Value, e.Rationale ?? "", e.Fields)).ToList();
        var fixedTokens = TokenCounter.Count(ChatGuidelineDistiller.FixedText(definition, existing));
        var batches = DistillationBatcher.Pack(records, fixedTokens, Options.MaxRecordsPerBatch, Options.MaxBatchInputTokens);
        var outcomes = new DistillationOutcome[batches.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Options.MaxParallelDistillations, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                try
                {
                    outcomes[i] = await _distiller.DistillAsync(new DistillationBatch(definition, existing, batches[i]), token).ConfigureAwait(false);
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    outcomes[i] = new DistillationOutcome([], $"{e.GetType().Name}: {e.Message}", default, 0);
                }
            }).ConfigureAwait(false);

        // Outcomes are read in batch order, never completion order, so the result is deterministic.
        var done = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<DistillationFailure>();
        var newGuidelines = new List<Guideline>();
        var usage = default(TokenUsage);
        var calls = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            var outcome = outcomes[i];
            usage += outcome.Usage;
            calls += outcome.ModelCalls;
            var traceIds = batches[i].Select(r => r.TraceId).Distinct(StringComparer.Ordinal).ToList();
            if (outcome.Error is { } error)
            {
                failures.Add(new DistillationFailure(traceIds, _redactor.Redact(error)));
                AlignmentLog.DistillationFailed(_logger, definition.Name, traceIds.Count, _redactor.Redact(error));
                continue;
            }

            done.UnionWith(traceIds);
            newGuidelines.AddRange(outcome.Guidelines);
        }

        var merge = await GuidelineMerger.MergeAsync(
            guidelines, newGuidelines, _embedder, Options.GuidelineMergeThreshold, Options.GuidelineOverlapThreshold, Options.MaxEmbeddingInputTokens, cancellationToken).ConfigureAwait(false);

        // Traces of a dropped guideline stay marked distilled: the next align must not distil it back.
        var budget = GuidelineBudget.Apply(merge.Guidelines, Options.MaxGuidelineTokens);
        var marked = examples.Select(e => !e.IsDistilled && done.Contains(e.TraceId) ? e.WithDistilled(true) : e).ToList();
        return new DistillationRun(marked, budget.Kept, merge.Added, merge.Merged, merge.EmbeddingCalls, usage, calls, failures, budget.Dropped, budget.Tokens);
    }

    private void Log(string judge, List<SkippedTrace> skipped, List<DiscardedAssessment> discarded)
    {
        foreach (var skip in skipped)
        {
            AlignmentLog.TraceSkipped(_logger, judge, skip.TraceId, skip.Reason);
        }

        foreach (var discard in discarded)
        {
            AlignmentLog.AssessmentDiscarded(_logger, judge, discard.AssessmentId, discard.TraceId, discard.Reason);
        }
    }

    private sealed record EmbeddingRun(Dictionary<string, ReadOnlyMemory<float>> Vectors, int Calls, int Texts, int? Dimensions);

    private sealed record DistillationRun(
        List<EpisodicExample> Examples,
        List<Guideline> Guidelines,
        int Added,
        int Merged,
        int EmbeddingCalls,
        TokenUsage Usage,
        int ModelCalls,
        List<DistillationFailure> Failures,
        List<Guideline> DroppedForBudget,
        int GuidelineTokens);
}
