using System.Data.Common;
using MemAlign.Labeling;

namespace MemAlign.Storage.Sql;

/// <summary>Labeling sessions (<c>label_sessions</c>), their queues (<c>label_session_items</c>) and the labeling app's undo steps (<c>label_steps</c>) over SQL.</summary>
internal sealed partial class SqlLabelingStore(SqlSession session) : ILabelingStore
{
    private const string SessionColumns = "experiment, name, judge, filter, reviewers, labels_per_trace, queue_order, created_at";

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
            await SqlSession.ExecuteAsync(connection, tx, $"INSERT INTO label_sessions ({SessionColumns}) VALUES (@e, @n, @j, @f, @r, @p, @o, @c)",
                [("@e", labeling.Experiment), ("@n", labeling.Name), ("@j", labeling.JudgeName), ("@f", labeling.Filter), ("@r", StoredJson.List(labeling.Reviewers)),
                 ("@p", labeling.LabelsPerTrace), ("@o", labeling.Order.ToString()), ("@c", labeling.CreatedAt.UtcTicks)], cancellationToken).ConfigureAwait(false);
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
    };
}
