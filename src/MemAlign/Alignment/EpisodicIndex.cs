using System.Numerics.Tensors;

namespace MemAlign.Alignment;

/// <summary>
/// Exact cosine search over L2-normalised vectors stored contiguously, one row per example and so one per
/// trace (a trace labelled by several experts is one example): k results are k distinct traces. Immutable:
/// built once per memory, read by any number of threads.
/// </summary>
internal sealed class EpisodicIndex
{
    private readonly float[] _matrix;
    private readonly IReadOnlyList<EpisodicExample> _examples;

    public EpisodicIndex(IReadOnlyList<EpisodicExample> examples, int dimensions)
    {
        Dimensions = dimensions;
        _examples = examples;
        _matrix = new float[examples.Count * dimensions];
        var traces = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < examples.Count; i++)
        {
            // A trace twice would take two of the k slots with one text: JudgeMemory merges them first.
            if (!traces.Add(examples[i].TraceId))
            {
                throw new ArgumentException($"Trace '{examples[i].TraceId}' has more than one example; the index holds one per trace.", nameof(examples));
            }

            var vector = examples[i].Vector.Span;
            if (vector.Length != dimensions)
            {
                throw new ArgumentException(
                    $"Example '{examples[i].Id}' (trace '{examples[i].TraceId}') has a {vector.Length}-dimensional vector; the memory holds {dimensions}-dimensional ones.");
            }

            vector.CopyTo(_matrix.AsSpan(i * dimensions, dimensions));
        }
    }

    public int Dimensions { get; }

    public int Count => _examples.Count;

    /// <summary>
    /// The <paramref name="k"/> examples (so <paramref name="k"/> distinct traces) most similar to
    /// <paramref name="query"/> (normalised here), best first; equal scores go to the lower trace id, then the lower example id, so results never depend on
    /// insertion order or timing. Examples of the trace <paramref name="excludedTraceId"/> are never returned:
    /// a trace being judged must not recall its own labels.
    /// </summary>
    public IReadOnlyList<RetrievedExample> Search(ReadOnlySpan<float> query, int k, string? excludedTraceId = null)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the memory holds {Dimensions}-dimensional vectors.", nameof(query));
        }

        k = Math.Min(k, _examples.Count);
        if (k <= 0)
        {
            return [];
        }

        var norm = TensorPrimitives.Norm(query);
        var scale = norm > 0 ? 1f / norm : 0f;

        // A min-heap of the best k so far: the root is the weakest kept candidate.
        var heap = new PriorityQueue<int, (float Score, int Index)>(k + 1, Comparer<(float Score, int Index)>.Create(Weaker));
        for (var i = 0; i < _examples.Count; i++)
        {
            if (excludedTraceId is not null && string.Equals(_examples[i].TraceId, excludedTraceId, StringComparison.Ordinal))
            {
                continue;
            }

            var score = TensorPrimitives.Dot(query, _matrix.AsSpan(i * Dimensions, Dimensions)) * scale;
            if (heap.Count < k)
            {
                heap.Enqueue(i, (score, i));
            }
            else if (heap.TryPeek(out _, out var weakest) && Weaker(weakest, (score, i)) < 0)
            {
                heap.DequeueEnqueue(i, (score, i));
            }
        }

        var result = new RetrievedExample[heap.Count];
        for (var slot = result.Length - 1; slot >= 0; slot--)
        {
            heap.TryDequeue(out var index, out var priority);
            result[slot] = new RetrievedExample(_examples[index], priority.Score);
        }

        return result;
    }

    // Negative when a is the weaker candidate: a lower score, or an equal score and a later tie order.
    private int Weaker((float Score, int Index) a, (float Score, int Index) b)
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : -TieOrder(a.Index, b.Index);
    }

    private int TieOrder(int a, int b)
    {
        var byTrace = string.CompareOrdinal(_examples[a].TraceId, _examples[b].TraceId);
        return byTrace != 0 ? byTrace : string.CompareOrdinal(_examples[a].Id, _examples[b].Id);
    }
}
