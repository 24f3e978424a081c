using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using MemAlign.Alignment;

namespace MemAlign.Benchmarks;

/// <summary>
/// Top-5 exact cosine retrieval over N vectors of 512 floats, against a bare <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
/// sweep over the same contiguous matrix: the ratio is what ranking and bookkeeping add to the arithmetic.
/// </summary>
[MemoryDiagnoser]
public class RetrievalBenchmarks
{
    private const int Dimensions = 512;

    private EpisodicIndex _index = null!;
    private float[] _matrix = null!;
    private float[] _query = null!;

    [Params(1_000, 10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var fields = new Dictionary<string, string> { ["inputs"] = "x" };
        var examples = new EpisodicExample[N];
        _matrix = new float[N * Dimensions];
        for (var i = 0; i < N; i++)
        {
            var vector = RandomUnitVector(random);
            vector.CopyTo(_matrix, i * Dimensions);
            examples[i] = new EpisodicExample($"a{i}", $"t{i:D6}", FeedbackValue.FromBoolean(i % 2 == 0), null, fields, "inputs", vector, "f", true);
        }

        _index = new EpisodicIndex(examples, Dimensions);
        _query = RandomUnitVector(random);
    }

    [Benchmark(Baseline = true)]
    public float DotSweep()
    {
        var sum = 0f;
        var matrix = _matrix.AsSpan();
        for (var i = 0; i < N; i++)
        {
            sum += TensorPrimitives.Dot(_query, matrix.Slice(i * Dimensions, Dimensions));
        }

        return sum;
    }

    [Benchmark]
    public int SearchTop5() => _index.Search(_query, 5).Count;

    private static float[] RandomUnitVector(Random random)
    {
        var vector = new float[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] = (float)(random.NextDouble() * 2 - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
