using MemAlign.Labeling;

namespace MemAlign.Storage.Sql;

/// <summary>The labeling app's undo steps (<c>label_steps</c>): what each reviewer labelled through it, newest last.</summary>
internal sealed partial class SqlLabelingStore
{
    private const int StepsKept = 100;

    public Task RecordLabelStepAsync(string experiment, string sessionName, LabelStep label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(sessionName);
        ArgumentNullException.ThrowIfNull(label);
        return session.WriteAsync($"recording a label of '{label.Reviewer}' on trace '{label.TraceId}' in labeling session '{sessionName}'", async (connection, tx) =>
        {
            var key = new List<(string, object?)> { ("@e", experiment), ("@s", sessionName), ("@r", label.Reviewer) };
            var last = await SqlSession.CountAsync(connection, tx, "SELECT COALESCE(MAX(step), 0) FROM label_steps WHERE experiment = @e AND session = @s AND reviewer = @r", key, cancellationToken)
                .ConfigureAwait(false);
            await SqlSession.ExecuteAsync(connection, tx,
                "INSERT INTO label_steps (experiment, session, reviewer, step, trace_id, assessment_id, value, rationale, replaced_value, replaced_rationale, replaced_judge_shown) " +
                "VALUES (@e, @s, @r, @n, @t, @a, @v, @c, @pv, @pc, @ps)",
                [.. key, ("@n", last + 1), ("@t", label.TraceId), ("@a", label.AssessmentId), ("@v", StoredJson.Value(label.Value)), ("@c", label.Rationale),
                 ("@pv", label.ReplacedValue is { } replaced ? StoredJson.Value(replaced) : null), ("@pc", label.ReplacedRationale),
                 ("@ps", SqlTraceWriter.JudgeShownColumn(label.ReplacedJudgeShown))], cancellationToken).ConfigureAwait(false);
            return await SqlSession.ExecuteAsync(connection, tx, "DELETE FROM label_steps WHERE experiment = @e AND session = @s AND reviewer = @r AND step <= @n",
                [.. key, ("@n", last + 1 - StepsKept)], cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<string?> UndoLabelAsync(string experiment, string sessionName, string reviewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(sessionName);
        ArgumentNullException.ThrowIfNull(reviewer);
        return session.WriteAsync($"undoing the last label of '{reviewer}' in labeling session '{sessionName}'", async (connection, tx) =>
        {
            var key = new List<(string, object?)> { ("@e", experiment), ("@s", sessionName), ("@r", reviewer) };
            var steps = await SqlSession.QueryAsync(connection, tx,
                "SELECT step, trace_id, assessment_id, value, rationale, replaced_value, replaced_rationale, replaced_judge_shown FROM label_steps WHERE experiment = @e AND session = @s AND reviewer = @r ORDER BY step DESC",
                key, row => (Step: row.Long("step"), TraceId: row.Text("trace_id"), AssessmentId: row.Text("assessment_id"), Value: row.Text("value"), Rationale: row.NullableText("rationale"),
                    ReplacedValue: row.NullableText("replaced_value"), ReplacedRationale: row.NullableText("replaced_rationale"),
                    ReplacedJudgeShown: row.NullableInt("replaced_judge_shown")), cancellationToken).ConfigureAwait(false);
            foreach (var step in steps)
            {
                await SqlSession.ExecuteAsync(connection, tx, "DELETE FROM label_steps WHERE experiment = @e AND session = @s AND reviewer = @r AND step = @n", [.. key, ("@n", step.Step)], cancellationToken)
                    .ConfigureAwait(false);
                var current = await SqlSession.QueryAsync(connection, tx, "SELECT value, rationale FROM assessments WHERE experiment = @e AND assessment_id = @a",
                    [("@e", experiment), ("@a", step.AssessmentId)], row => (Value: row.Text("value"), Rationale: row.NullableText("rationale")), cancellationToken).ConfigureAwait(false);
                if (current.Count == 0 || current[0] != (step.Value, step.Rationale))
                {
                    continue; // gone, or changed since by someone or something else: not the app's to undo
                }

                await SqlTraceStore.KeepInHistoryAsync(connection, tx, experiment, step.AssessmentId, session.Now, cancellationToken).ConfigureAwait(false);
                var assessment = new List<(string, object?)> { ("@e", experiment), ("@a", step.AssessmentId) };
                await (step.ReplacedValue is null
                    ? SqlSession.ExecuteAsync(connection, tx, "DELETE FROM assessments WHERE experiment = @e AND assessment_id = @a", assessment, cancellationToken)
                    : SqlSession.ExecuteAsync(connection, tx, "UPDATE assessments SET value = @v, rationale = @c, judge_shown = @js, updated_at = @u WHERE experiment = @e AND assessment_id = @a",
                        [.. assessment, ("@v", step.ReplacedValue), ("@c", step.ReplacedRationale), ("@js", step.ReplacedJudgeShown), ("@u", session.Now.UtcTicks)], cancellationToken)).ConfigureAwait(false);
                return step.TraceId;
            }

            return (string?)null;
        }, cancellationToken);
    }
}
