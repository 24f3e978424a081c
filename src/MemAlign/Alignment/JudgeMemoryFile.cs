using System.ComponentModel;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Text;
using MemAlign.Alignment;
using Microsoft.Extensions.AI;

namespace MemAlign;

/// <summary>
/// One aligned judge version as a reviewable source file (<c>judges/helpfulness.memalign.json</c>, format
/// <c>memalign-judge-memory/2</c>): the judge's name, the registry version it came from, the hash of the
/// rubric and the value type it was aligned for, the embedding model, the retrieval settings, the distilled
/// guidelines with the traces they came from, and the labelled examples. Written canonically (see
/// <see cref="ToJson"/>), so re-exporting an unchanged version gives the same bytes and aligning on one more
/// trace changes a few lines.
/// </summary>
/// <remarks>
/// The file holds no vectors. A judge built with it embeds each example's text with the named model at first
/// use and keeps the vectors for the life of the process: vectors are not reviewable text, and a side file
/// of them would be a second artifact to keep in step with this one. A deterministic embedder (the local
/// one, <see cref="LocalEmbeddingGenerator"/>) gives the same vectors again, hence the same retrieval and
/// byte-identical prompts. Older files of format <c>memalign-judge-memory/1</c> (with vectors) are read by
/// <see cref="JudgeMemoryJson"/>.
/// </remarks>
public sealed class JudgeMemoryFile
{
    private static readonly int MaxEmbeddingInputTokens = new MemAlignOptions().MaxEmbeddingInputTokens;

    // Generated judges pass the same string literal (interned) on every construction: parse it once.
    private static readonly ConditionalWeakTable<string, JudgeMemoryFile> CheckedSources = [];

    // The example vectors, computed once per file for the life of the process (every embedder it accepts is its one model).
    private readonly Lock _vectorsLock = new();
    private Task<JudgeMemory>? _vectors;

    internal JudgeMemoryFile(
        string judgeName, int? version, string rubricHash, FeedbackValueType valueType, string embeddingModelId, int embeddingDimensions, int retrievalK,
        IReadOnlyList<Guideline> guidelines, IReadOnlyList<EpisodicExample> examples, string? filePath)
    {
        JudgeName = judgeName;
        Version = version;
        RubricHash = rubricHash;
        ValueType = valueType;
        EmbeddingModelId = embeddingModelId;
        EmbeddingDimensions = embeddingDimensions;
        RetrievalK = retrievalK;
        Guidelines = guidelines;
        Examples = examples
            .OrderBy(e => e.TraceId, StringComparer.Ordinal)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToArray();
        FilePath = filePath;
    }

    /// <summary>The format written and read: <c>memalign-judge-memory/2</c>.</summary>
    public const string Format = MemoryFileContract.Format;

    /// <summary>The judge's name; the file belongs to the judge of this name.</summary>
    public string JudgeName { get; }

    /// <summary>The registry version the file was exported from, or <see langword="null"/> when none.</summary>
    public int? Version { get; }

    /// <summary>SHA-256 (lowercase hex) of the rubric it was aligned for, line endings made <c>\n</c>.</summary>
    public string RubricHash { get; }

    /// <summary>The value type (and scale or options) it was aligned for.</summary>
    public FeedbackValueType ValueType { get; }

    /// <summary>The embedding model that compares traces with the examples.</summary>
    public string EmbeddingModelId { get; }

    /// <summary>The length of the example vectors.</summary>
    public int EmbeddingDimensions { get; }

    /// <summary>How many examples are retrieved per evaluation.</summary>
    public int RetrievalK { get; }

    /// <summary>The guidelines, in memory order.</summary>
    public IReadOnlyList<Guideline> Guidelines { get; }

    /// <summary>
    /// The labelled examples, by trace id and then id (ordinal), without vectors (the judge embeds
    /// <see cref="EpisodicExample.EmbeddedText"/> again at first use). Files written before one example per trace
    /// may hold several examples of one trace; the memory made from them holds one (<see cref="ToMemoryAsync"/>).
    /// </summary>
    public IReadOnlyList<EpisodicExample> Examples { get; }

    /// <summary>The file it was read from, when it was read from one.</summary>
    public string? FilePath { get; }

    /// <summary>
    /// The file of one judge version: <paramref name="memory"/> as aligned for <paramref name="definition"/>.
    /// </summary>
    /// <param name="definition">The definition the memory was aligned for (its rubric is hashed, its value type recorded).</param>
    /// <param name="memory">The memory; its vectors are left out.</param>
    /// <param name="version">The registry version, if it has one.</param>
    /// <param name="reviewers">
    /// Who gave each example's verdict, by example (assessment) id: for examples that do not list their reviewers
    /// (stored before reviewers were kept), where known.
    /// </param>
    public static JudgeMemoryFile Create(JudgeDefinition definition, JudgeMemory memory, int? version = null, IReadOnlyDictionary<string, string>? reviewers = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(memory);
        if (version is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "A registry version starts at 1.");
        }

        var examples = memory.Examples
            .Select(e => e.Reviewers.Count == 0 && reviewers is not null && reviewers.TryGetValue(e.Id, out var r) ? e.WithReviewers([r]) : e)
            .Select(e => e.WithoutVector())
            .ToList();
        return new JudgeMemoryFile(definition.Name, version, MemoryFileContract.RubricHash(definition.Instructions), definition.ValueType,
            memory.EmbeddingModelId, memory.EmbeddingDimensions, memory.RetrievalK, memory.Guidelines, examples, null);
    }

    /// <summary>Reads a file's text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="filePath">The file's path, for error messages.</param>
    /// <exception cref="JudgeMemoryFileException">The text is not a valid file; the message gives the line and column.</exception>
    public static JudgeMemoryFile Parse(string json, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JudgeMemoryFileReader.Read(Encoding.UTF8.GetBytes(json), filePath);
    }

    /// <summary>Reads a file from <paramref name="stream"/>.</summary>
    /// <exception cref="JudgeMemoryFileException">The stream is not a valid file; the message gives the line and column.</exception>
    public static async Task<JudgeMemoryFile> ReadAsync(Stream stream, string? filePath = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return JudgeMemoryFileReader.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), filePath);
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="JudgeMemoryFileException">The file is not valid; the message names it, with the line and column.</exception>
    public static async Task<JudgeMemoryFile> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return JudgeMemoryFileReader.Read(bytes, path);
    }

    /// <summary>
    /// For generated code only: the file the generator embedded in a judge, already checked at build time.
    /// Parsed once per process for the same literal.
    /// </summary>
    /// <exception cref="InvalidOperationException">The text is not a valid file (the build should have said so).</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static JudgeMemoryFile FromCheckedSource(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return CheckedSources.GetValue(json, static text =>
        {
            try
            {
                return Parse(text);
            }
            catch (JudgeMemoryFileException e)
            {
                throw new InvalidOperationException($"The memory file compiled into this assembly is not valid: {e.Message}", e);
            }
        });
    }

    /// <summary>
    /// The canonical text: UTF-8, two-space indents, <c>\n</c> line endings and one at the end, properties in
    /// a fixed order, examples by trace id and id, guideline sources sorted. Equal files give equal text.
    /// </summary>
    public string ToJson() => Encoding.UTF8.GetString(JudgeMemoryFileWriter.Write(this));

    /// <summary>Writes the canonical text (UTF-8, no byte order mark) to <paramref name="path"/>, replacing it; creates the directory.</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllBytesAsync(path, JudgeMemoryFileWriter.Write(this), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the file was aligned for <paramref name="definition"/>'s rubric and value type (its name aside).</summary>
    public bool IsAlignedFor(JudgeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Staleness(definition) is null;
    }

    /// <summary>
    /// The memory with vectors: each example's text embedded by <paramref name="embedder"/>, which must be the
    /// model the file names (<see cref="EmbeddingModelId"/>). For registering the file in a store, say.
    /// </summary>
    /// <exception cref="ArgumentException">The embedder names another model.</exception>
    /// <exception cref="InvalidOperationException">The embedder returned vectors of another length or count.</exception>
    public async Task<JudgeMemory> ToMemoryAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        CheckModel(embedder);
        var examples = new List<EpisodicExample>(Examples.Count);

        // One vector per distinct text: the examples of one trace share it, as alignment made them.
        var texts = Examples.Select(e => EmbeddingInput(e.EmbeddedText)).Distinct(StringComparer.Ordinal).ToList();
        var vectors = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        const int ChunkSize = 256;
        foreach (var chunk in texts.Chunk(ChunkSize))
        {
            var embeddings = await embedder.GenerateAsync(chunk, new EmbeddingGenerationOptions { Dimensions = EmbeddingDimensions }, cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != chunk.Length)
            {
                throw new InvalidOperationException($"The embedder '{EmbeddingModelId}' returned {embeddings.Count} vectors for {chunk.Length} texts of judge '{JudgeName}'.");
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                var vector = embeddings[i].Vector.ToArray();
                if (vector.Length != EmbeddingDimensions)
                {
                    throw new InvalidOperationException(
                        $"The embedder '{EmbeddingModelId}' returned a {vector.Length}-dimensional vector; the memory file of judge '{JudgeName}' says {EmbeddingDimensions}.");
                }

                // Normalised as alignment stores them, so the index and its scores are the same.
                var norm = TensorPrimitives.Norm(vector);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(vector, norm, vector);
                }

                vectors[chunk[i]] = vector;
            }
        }

        examples.AddRange(Examples.Select(e => e.WithVector(vectors[EmbeddingInput(e.EmbeddedText)])));
        return new JudgeMemory(Guidelines, examples, EmbeddingModelId, EmbeddingDimensions, RetrievalK);
    }

    /// <summary>What differs between what the file was aligned for and <paramref name="definition"/>, or <see langword="null"/> when nothing does.</summary>
    internal string? Staleness(JudgeDefinition definition)
    {
        var changes = new List<string>();
        if (!string.Equals(RubricHash, MemoryFileContract.RubricHash(definition.Instructions), StringComparison.Ordinal))
        {
            changes.Add("the rubric changed");
        }

        if (!ValueType.Equals(definition.ValueType))
        {
            changes.Add($"the value type was {ValueType}, now {definition.ValueType}");
        }

        return changes.Count == 0 ? null : string.Join("; ", changes);
    }

    /// <summary>
    /// Checks that the file can serve as <paramref name="definition"/>'s memory: the same judge name, and every
    /// example's value one the judge's value type allows. A reworded rubric still loads: the build warned.
    /// </summary>
    internal void CheckBelongsTo(JudgeDefinition definition)
    {
        if (!string.Equals(JudgeName, definition.Name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{Where}belongs to judge '{JudgeName}', not '{definition.Name}': a judge only takes its own aligned memory.");
        }

        if (!ValueType.Equals(definition.ValueType)
            && Examples.FirstOrDefault(e => !definition.ValueType.TryNormalize(e.Value, out var v, out _) || !v.Equals(e.Value)) is { } misfit)
        {
            definition.ValueType.TryNormalize(misfit.Value, out _, out var error);
            throw new InvalidOperationException(
                $"{Where}was aligned for judge '{JudgeName}' returning {ValueType}, but it now returns {definition.ValueType}: example '{misfit.Id}' "
                + $"(trace '{misfit.TraceId}') has the value {misfit.Value}{error ?? " in another form"}. Re-align the judge and export its memory again.");
        }
    }

    /// <summary>The memory with vectors from <paramref name="embedder"/>, computed on first use and kept for the process.</summary>
    internal Task<JudgeMemory> VectorsAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken cancellationToken)
    {
        CheckModel(embedder);
        Task<JudgeMemory> task;
        lock (_vectorsLock)
        {
            // A failed or cancelled run is not kept: the next use tries again.
            if (_vectors is null || _vectors.IsFaulted || _vectors.IsCanceled)
            {
                _vectors = ToMemoryAsync(embedder, CancellationToken.None);
            }

            task = _vectors;
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>The memory without example vectors' work: guidelines only, when the file has no examples.</summary>
    internal JudgeMemory? MemoryWithoutExamples =>
        Examples.Count == 0 ? new JudgeMemory(Guidelines, [], EmbeddingModelId, EmbeddingDimensions, RetrievalK) : null;

    /// <summary>
    /// The file without what it learned from <paramref name="traceIds"/>, as the store forgets: their examples
    /// go, and so does every distilled guideline that cites one of them (it may quote the trace); the other
    /// traces those guidelines cited are marked not distilled, so the next align distils them again.
    /// </summary>
    internal MemoryFileForgetting Forget(IReadOnlySet<string> traceIds)
    {
        var dropped = Guidelines.Where(g => !g.IsUserWritten && g.SourceTraceIds.Any(traceIds.Contains)).ToList();
        var redistill = dropped.SelectMany(g => g.SourceTraceIds).Where(t => !traceIds.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var examples = Examples.Where(e => !traceIds.Contains(e.TraceId))
            .Select(e => e.IsDistilled && redistill.Contains(e.TraceId) ? e.WithDistilled(false) : e)
            .ToList();
        return new MemoryFileForgetting(
            With(Guidelines.Where(g => !dropped.Contains(g)).ToList(), examples),
            Examples.Count - examples.Count,
            dropped.Count,
            dropped.Sum(g => g.SourceTraceIds.Count),
            examples.Count(e => !e.IsDistilled && redistill.Contains(e.TraceId)));
    }

    internal JudgeMemoryFile With(IReadOnlyList<Guideline> guidelines, IReadOnlyList<EpisodicExample> examples) =>
        new(JudgeName, Version, RubricHash, ValueType, EmbeddingModelId, EmbeddingDimensions, RetrievalK, guidelines, examples, FilePath);

    private string Where => FilePath is null ? $"The memory file of judge '{JudgeName}' " : $"The memory file '{FilePath}' ";

    // The text alignment embedded: the field, cut to the default input limit (MemAlignOptions.MaxEmbeddingInputTokens).
    // Text no longer than the limit in characters cannot exceed it in tokens (a token is at least one character).
    private static string EmbeddingInput(string text) =>
        text.Length <= MaxEmbeddingInputTokens ? text : TokenCounter.Truncate(text, MaxEmbeddingInputTokens);

    private void CheckModel(IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        if (embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId is { } id && id != EmbeddingModelId)
        {
            throw new ArgumentException(
                $"{Where}was aligned with embeddings from '{EmbeddingModelId}', but the embedder given is '{id}'; retrieval needs the same model.", nameof(embedder));
        }
    }
}

/// <summary>What <see cref="JudgeMemoryFile.Forget"/> removed.</summary>
/// <param name="File">The file without the traces.</param>
/// <param name="Examples">Examples removed.</param>
/// <param name="GuidelinesDropped">Guidelines dropped because they cite a forgotten trace.</param>
/// <param name="GuidelineSources">The sources those guidelines had.</param>
/// <param name="ToRedistill">Examples of other traces those guidelines cited, to be distilled again on the next align.</param>
internal sealed record MemoryFileForgetting(JudgeMemoryFile File, int Examples, int GuidelinesDropped, int GuidelineSources, int ToRedistill)
{
    public bool Changed => Examples > 0 || GuidelinesDropped > 0;
}
