using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MemAlign.Import;
using MemAlign.PostgreSql;
using MemAlign.Sqlite;
using MemAlign.Storage;
using Npgsql;

namespace MemAlign.Benchmarks;

/// <summary>
/// Bulk import at the storage engine's speed (issue 24, section 4), on both backends in one run: 50,000 traces of one assessment and two
/// tags each, imported the way <c>memalign import</c> does (the registered judges listed, the file read, <see cref="TraceImporter"/>),
/// into an empty experiment; and a judge version of 10,000 examples registered. PostgreSQL is measured when MEMALIGN_TEST_POSTGRES names a
/// server (the run says so when it does not); its rows are deleted afterwards.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [IterationCleanup].
public class ImportBenchmarks
#pragma warning restore CA1001
{
    /// <summary>Traces per import.</summary>
    public const int Traces = 50_000;

    /// <summary>Examples per registered judge version.</summary>
    public const int Examples = 10_000;

    private const string Variable = "MEMALIGN_TEST_POSTGRES";
    private const string ExperimentPrefix = "bench-import-";

    private string _folder = null!;
    private string _file = null!;
    private JudgeMemory _memory = null!;
    private IMemAlignStore _store = null!;
    private string _experiment = null!;

    /// <summary>The store: SQLite always, PostgreSQL when <c>MEMALIGN_TEST_POSTGRES</c> is set.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "SQLite";

    /// <summary>SQLite, and PostgreSQL when a server is given.</summary>
    public static IEnumerable<string> Backends()
    {
        yield return "SQLite";
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Console.WriteLine($"{Variable} is not set: PostgreSQL is NOT measured in this run (set it to a connection string to measure both backends).");
        }
        else
        {
            yield return "PostgreSQL";
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "memalign-import-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _file = Path.Combine(_folder, "traces.jsonl");
        File.WriteAllLines(_file, Enumerable.Range(0, Traces).Select(Line));
        var random = new Random(24);
        var examples = Enumerable.Range(0, Examples).Select(i => new EpisodicExample($"lbl-{i:D5}", $"t{i:D6}", FeedbackValue.FromBoolean(i % 3 != 0),
            i % 2 == 0 ? null : $"Reason {i}: the reply answers the question.", new Dictionary<string, string> { ["inputs"] = $"question {i}", ["outputs"] = $"answer {i}" },
            "inputs", Enumerable.Range(0, 384).Select(_ => (float)random.NextDouble()).ToArray(), $"fp{i}", i % 4 == 0));
        _memory = new JudgeMemory([new Guideline("Answer the question asked.", ["t000001", "t000002"]), new Guideline("Be brief.")], examples, "local", 384, 5);
    }

    [IterationSetup]
    public void OpenStore()
    {
        _experiment = ExperimentPrefix + Guid.NewGuid().ToString("N")[..12];
        _store = Backend == "SQLite"
            ? SqliteMemAlignStore.OpenAsync(Path.Combine(_folder, _experiment + ".db")).GetAwaiter().GetResult()
            : PostgreSqlMemAlignStore.OpenAsync(Environment.GetEnvironmentVariable(Variable)!).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void CloseStore() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>What <c>memalign import FILE</c> does, into an empty experiment.</summary>
    [Benchmark]
    public async Task<int> Import50000()
    {
        var judges = await _store.ListJudgesAsync(_experiment);
        var report = await TraceImporter.ImportAsync(_store, _experiment, TraceFile.Read(_file),
            new ImportOptions { Judges = judges.ToDictionary(j => j.Name, j => j.ValueType) });
        return report.Stored == Traces ? report.Stored : throw new InvalidOperationException($"stored {report.Stored} of {Traces}: {report.Failure}");
    }

    /// <summary>Registering one judge version with 10,000 examples (384-dimension vectors) and two guidelines.</summary>
    [Benchmark]
    public async Task<int> RegisterJudge10000() =>
        (await _store.RegisterJudgeAsync(_experiment, JudgeDefinition.Create("helpfulness", "Is {{ outputs }} helpful for {{ inputs }}?", FeedbackValueType.Boolean), _memory)).Examples;

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_folder, recursive: true);
        if (Backend == "PostgreSQL")
        {
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable));
            connection.Open();
            foreach (var table in new[] { "trace_tags", "assessments", "assessment_history", "traces", "judge_guideline_sources", "judge_guidelines", "judge_examples", "judges", "judge_names", "experiments" })
            {
                using var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE {(table == "experiments" ? "name" : "experiment")} LIKE '{ExperimentPrefix}%'", connection);
                delete.ExecuteNonQuery();
            }
        }
    }

    private static string Line(int i) =>
        $$$"""{"trace_id": "t{{{i:D6}}}", "inputs": {"question": "How do I reset my password? case {{{i}}}"}, "outputs": "Open settings, choose security, then reset. Answer {{{i}}}.", "tags": {"split": "{{{(i % 5 == 0 ? "test" : "train")}}}", "source": "bench"}, "assessments": [{"name": "helpfulness", "value": {{{(i % 3 != 0 ? "true" : "false")}}}, "rationale": {{{(i % 2 == 0 ? "null" : "\"clear steps\"")}}}, "source": {"type": "HUMAN", "id": "expert{{{i % 7}}}"}}]}""";
}
