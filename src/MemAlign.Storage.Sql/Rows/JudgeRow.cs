using System.Data.Common;

namespace MemAlign.Storage.Sql.Rows;

/// <summary>A row of <c>judges</c>: one registered version, with the label schema registered with it (no comment policy: none was).</summary>
internal sealed record JudgeRow(int Version, long CreatedAt, string Definition, string Settings, string EmbeddingModel, int EmbeddingDimensions, int RetrievalK, int? BaseVersion,
    string? LabelTitle, string? LabelInstruction, string? LabelComment)
{
    public const string Columns = "version, created_at, definition, settings, embedding_model, embedding_dimensions, retrieval_k, base_version, label_title, label_instruction, label_comment";

    public static JudgeRow Read(DbDataReader row) => new(
        row.Int("version"), row.Long("created_at"), row.Text("definition"), row.Text("settings"), row.Text("embedding_model"),
        row.Int("embedding_dimensions"), row.Int("retrieval_k"), row.NullableInt("base_version"),
        row.NullableText("label_title"), row.NullableText("label_instruction"), row.NullableText("label_comment"));

    public LabelSchema? LabelSchema(JudgeDefinition definition) => LabelComment is null ? null
        : new(definition.Name, definition.ValueType, LabelTitle, LabelInstruction, Enum.Parse<LabelComment>(LabelComment));
}

/// <summary>A judge version's summary: its row's name, version, time and definition, and counts of its memory (examples by trace: rows written before schema 6 hold one per label, and load as one per trace).</summary>
internal sealed record JudgeSummaryRow(string Name, int Version, long CreatedAt, string Definition, int Guidelines, int Examples, int? BaseVersion)
{
    public const string Columns =
        "j.name, j.version, j.created_at, j.definition, j.base_version, " +
        "(SELECT COUNT(*) FROM judge_guidelines g WHERE g.experiment = j.experiment AND g.name = j.name AND g.version = j.version) AS guideline_count, " +
        "(SELECT COUNT(DISTINCT x.trace_id) FROM judge_examples x WHERE x.experiment = j.experiment AND x.name = j.name AND x.version = j.version) AS example_count";

    public static JudgeSummaryRow Read(DbDataReader row) =>
        new(row.Text("name"), row.Int("version"), row.Long("created_at"), row.Text("definition"), row.Int("guideline_count"), row.Int("example_count"), row.NullableInt("base_version"));

    public JudgeVersionInfo ToInfo()
    {
        var definition = StoredJson.ReadDefinition(Definition);
        return new JudgeVersionInfo(Name, Version, new DateTimeOffset(CreatedAt, TimeSpan.Zero), definition.Model, definition.ValueType, Guidelines, Examples, BaseVersion);
    }
}
