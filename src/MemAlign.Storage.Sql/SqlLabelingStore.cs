using System.Data.Common;
using MemAlign.Labeling;
using MemAlign.Storage.Sql.Rows;

namespace MemAlign.Storage.Sql;

/// <summary>Labeling sessions (<c>label_sessions</c>), their queues (<c>label_session_items</c>) and the labeling app's undo steps (<c>label_steps</c>) over SQL.</summary>
internal sealed partial class SqlLabelingStore(SqlSession session) : ILabelingStore
{
    private const string SessionColumns = "experiment, name, judge, filter, reviewers, labels_per_trace, queue_order, created_at, show_judge";

    public async Task CreateLabelingSessionAsync(LabelingSession labeling, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labeling);
        labeling.Validate();
        await session.WriteAsync($"creating labeling session '{labeling.Name}'", async (connection, tx) =>
        {
            if (await SqlSession.CountAsync(connection, tx, "SELECT COUNT(*) FROM label_sessions WHERE experiment = @e AND name = @n",
                [("@e", labeling.Experiment), ("@n", labeling.Name)], cancellationToken).ConfigureAwait(false) > 0)
            {
                throw new InvalidOperationException($"Experiment '{labeling.Experiment}' already has a labeling session '{labeling.Name}'; choose another name, or delete that one first.");
            }

            await SqlSession.EnsureExperimentAsync(connection, tx, labeling.Experiment, session.Now, cancellationToken).ConfigureAwait(false);
            await SqlSession.ExecuteAsync(connection, tx, $"INSERT INTO label_sessions ({SessionColumns}) VALUES (@e, @n, @j, @f, @r, @p, @o, @c, @sj)",
                [("@e", labeling.Experiment), ("@n", labeling.Name), ("@j", labeling.JudgeName), ("@f", labeling.Filter), ("@r", StoredJson.List(labeling.Reviewers)),
                 ("@p", labeling.LabelsPerTrace), ("@o", labeling.Order.ToString()), ("@c", labeling.CreatedAt.UtcTicks), ("@sj", labeling.ShowJudge.ToString())], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < labeling.TraceIds.Count; i++)
            {
                await SqlSession.ExecuteAsync(connection, tx, "INSERT INTO label_session_items (experiment, session, position, trace_id) VALUES (@e, @n, @i, @t)",
                    [("@e", labeling.Experiment), ("@n", labeling.Name), ("@i", i), ("@t", labeling.TraceIds[i])], cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LabelingSession?> GetLabelingSessionAsync(string experiment, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(name);
        var found = await ReadAsync(experiment, name, cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    public Task<IReadOnlyList<LabelingSession>> ListLabelingSessionsAsync(string experiment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return ReadAsync(experiment, null, cancellationToken);
    }

    public async Task<bool> DeleteLabelingSessionAsync(string experiment, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(name);
        return await session.WriteAsync($"deleting labeling session '{name}'", async (connection, tx) =>
        {
            await SqlSession.ExecuteAsync(connection, tx, "DELETE FROM label_session_items WHERE experiment = @e AND session = @n", [("@e", experiment), ("@n", name)], cancellationToken).ConfigureAwait(false);
            await SqlSession.ExecuteAsync(connection, tx, "DELETE FROM label_steps WHERE experiment = @e AND session = @n", [("@e", experiment), ("@n", name)], cancellationToken).ConfigureAwait(false);
            return await SqlSession.ExecuteAsync(connection, tx, "DELETE FROM label_sessions WHERE experiment = @e AND name = @n", [("@e", experiment), ("@n", name)], cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Assessment>>> GetSessionLabelsAsync(LabelingSession labeling, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labeling);
        return await session.RunAsync($"reading the labels of labeling session '{labeling.Name}'", async connection =>
        {
            var queued = await SqlSession.QueryAsync(connection, null,
                "SELECT i.trace_id FROM label_session_items i JOIN traces t ON t.experiment = i.experiment AND t.trace_id = i.trace_id WHERE i.experiment = @e AND i.session = @n",
                [("@e", labeling.Experiment), ("@n", labeling.Name)], row => row.Text("trace_id"), cancellationToken).ConfigureAwait(false);
            var labels = await SqlSession.QueryAsync(connection, null,
                $"SELECT {AssessmentRow.Columns} FROM assessments WHERE experiment = @e AND name_key = @k AND source_type = @st " +
                "AND trace_id IN (SELECT trace_id FROM label_session_items WHERE experiment = @e AND session = @n)",
                [("@e", labeling.Experiment), ("@k", Assessment.NameKey(labeling.JudgeName)), ("@st", SourceTypeColumn.Name(AssessmentSourceType.Human)), ("@n", labeling.Name)],
                AssessmentRow.Read, cancellationToken).ConfigureAwait(false);
            var byTrace = labels.Select(r => (r.TraceId, Label: r.ToAssessment())).Where(l => IsSessionLabel(labeling, l.Label))
                .ToLookup(l => l.TraceId, l => l.Label, StringComparer.Ordinal);
            return (IReadOnlyDictionary<string, IReadOnlyList<Assessment>>)queued.Distinct(StringComparer.Ordinal)
                .ToDictionary(id => id, id => (IReadOnlyList<Assessment>)[.. byTrace[id]], StringComparer.Ordinal);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Assessment?> LogLabelAsync(LabelingSession labeling, string traceId, Assessment label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labeling);
        ArgumentNullException.ThrowIfNull(traceId);
        ArgumentNullException.ThrowIfNull(label);
        if (!IsSessionLabel(labeling, label))
        {
            throw new ArgumentException($"A label of session '{labeling.Name}' is a HUMAN assessment named '{labeling.JudgeName}' by one of its reviewers; '{label.Name}' by {label.Source.Type} '{label.Source.Id}' is not.", nameof(label));
        }

        label.EnsureStorable(traceId);
        return await session.WriteAsync($"logging {label.Source.Id}'s label on trace '{traceId}' of labeling session '{labeling.Name}'", async (connection, tx) =>
        {
            // Writers of this trace queue here (SQLite's write transaction already excludes them): the count below stays true until commit.
            await session.Dialect.LockTraceAsync(connection, tx, labeling.Experiment, traceId, cancellationToken).ConfigureAwait(false);
            var content = await SqlSession.QueryAsync(connection, tx, "SELECT content_hash FROM traces WHERE experiment = @e AND trace_id = @t",
                [("@e", labeling.Experiment), ("@t", traceId)], row => row.NullableText("content_hash"), cancellationToken).ConfigureAwait(false);
            if (content.Count == 0)
            {
                throw new KeyNotFoundException($"Experiment '{labeling.Experiment}' in {session.Dialect.Description} has no trace '{traceId}'.");
            }

            var labels = (await SqlSession.QueryAsync(connection, tx,
                $"SELECT {AssessmentRow.Columns} FROM assessments WHERE experiment = @e AND trace_id = @t AND name_key = @k AND source_type = @st",
                [("@e", labeling.Experiment), ("@t", traceId), ("@k", Assessment.NameKey(labeling.JudgeName)), ("@st", SourceTypeColumn.Name(AssessmentSourceType.Human))],
                AssessmentRow.Read, cancellationToken).ConfigureAwait(false)).Select(r => r.ToAssessment()).Where(a => IsSessionLabel(labeling, a)).ToList();
            var replaced = labels.FirstOrDefault(a => a.Source.Id == label.Source.Id);
            if (replaced is null && labels.Count >= labeling.LabelsPerTrace)
            {
                throw new LabelLimitReachedException(labeling.Name, traceId, labeling.LabelsPerTrace);
            }

            await SqlTraceStore.WriteAssessmentAsync(connection, tx, labeling.Experiment, traceId, label, content[0], session.Now, cancellationToken).ConfigureAwait(false);
            return replaced;
        }, cancellationToken).ConfigureAwait(false);
    }

    // As LabelingProgress.LabelsOn counts them.
    private static bool IsSessionLabel(LabelingSession labeling, Assessment label) =>
        label.Source.Type == AssessmentSourceType.Human && label.IsNamed(labeling.JudgeName) && (labeling.Reviewers.Count == 0 || labeling.Reviewers.Contains(label.Source.Id));

    private async Task<IReadOnlyList<LabelingSession>> ReadAsync(string experiment, string? name, CancellationToken cancellationToken) =>
        await session.RunAsync($"reading labeling sessions of experiment '{experiment}'", async connection =>
        {
            var (filter, parameters) = name is null
                ? ("experiment = @e", new List<(string, object?)> { ("@e", experiment) })
                : ("experiment = @e AND name = @n", new List<(string, object?)> { ("@e", experiment), ("@n", name) });
            var sessions = await SqlSession.QueryAsync(connection, null, $"SELECT {SessionColumns} FROM label_sessions WHERE {filter} ORDER BY name", parameters, Read, cancellationToken).ConfigureAwait(false);
            var items = await SqlSession.QueryAsync(connection, null, $"SELECT session, position, trace_id FROM label_session_items WHERE {filter.Replace("name", "session", StringComparison.Ordinal)} ORDER BY session, position",
                parameters, row => (Session: row.Text("session"), TraceId: row.Text("trace_id")), cancellationToken).ConfigureAwait(false);
            var queues = items.GroupBy(i => i.Session, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(i => i.TraceId).ToList(), StringComparer.Ordinal);
            return (IReadOnlyList<LabelingSession>)sessions.Select(s => s with { TraceIds = queues.GetValueOrDefault(s.Name, []) }).ToList();
        }, cancellationToken).ConfigureAwait(false);

    private static LabelingSession Read(DbDataReader row) => new()
    {
        Experiment = row.Text("experiment"),
        Name = row.Text("name"),
        JudgeName = row.Text("judge"),
        Filter = row.NullableText("filter"),
        Reviewers = StoredJson.ReadList(row.Text("reviewers")),
        LabelsPerTrace = row.Int("labels_per_trace"),
        Order = Enum.Parse<LabelingOrder>(row.Text("queue_order")),
        CreatedAt = row.Time("created_at"),
        // Sessions made before MemAlign recorded it show the judge after the label, as new ones do by default.
        ShowJudge = row.NullableText("show_judge") is { } show ? Enum.Parse<JudgeVisibility>(show) : JudgeVisibility.AfterLabel,
    };
}
