namespace MemAlign.Storage.Sql;

/// <summary>Forgetting over SQL: the traces' rows in every table go in one transaction, then the dialect erases the freed space.</summary>
internal sealed class SqlForgetting(SqlSession session) : IForgetting
{
    public async Task<ForgetReport> ForgetAsync(string experiment, IEnumerable<string> traceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(traceIds);
        var ids = traceIds.Distinct(StringComparer.Ordinal).ToList();
        var report = await session.WriteAsync($"forgetting {ids.Count} trace(s)", async (connection, tx) =>
        {
            var total = new ForgetReport();
            foreach (var chunk in ids.Chunk(SqlSession.InListSize))
            {
                var (inList, parameters) = SqlParameters.InList(chunk);
                parameters.Add(("@e", experiment));
                async Task<int> Delete(string table) =>
                    await SqlSession.ExecuteAsync(connection, tx, $"DELETE FROM {table} WHERE experiment = @e AND trace_id IN ({inList})", parameters, cancellationToken).ConfigureAwait(false);

                var evaluations = await SqlSession.ExecuteAsync(connection, tx,
                    $"DELETE FROM eval_results WHERE trace_id IN ({inList}) AND run_id IN (SELECT run_id FROM eval_runs WHERE experiment = @e)", parameters, cancellationToken).ConfigureAwait(false);
                await Delete("trace_tags").ConfigureAwait(false);
                total = total with
                {
                    Assessments = total.Assessments + await Delete("assessments").ConfigureAwait(false),
                    Traces = total.Traces + await Delete("traces").ConfigureAwait(false),
                    Examples = total.Examples + await Delete("judge_examples").ConfigureAwait(false),
                    GuidelineSources = total.GuidelineSources + await Delete("judge_guideline_sources").ConfigureAwait(false),
                    EvaluationResults = total.EvaluationResults + evaluations,
                };
            }

            var dropped = await SqlSession.ExecuteAsync(connection, tx,
                "DELETE FROM judge_guidelines WHERE experiment = @e AND user_written = 0 AND NOT EXISTS (SELECT 1 FROM judge_guideline_sources s " +
                "WHERE s.experiment = judge_guidelines.experiment AND s.name = judge_guidelines.name AND s.version = judge_guidelines.version AND s.ordinal = judge_guidelines.ordinal)",
                [("@e", experiment)], cancellationToken).ConfigureAwait(false);
            return total with { GuidelinesDropped = dropped };
        }, cancellationToken).ConfigureAwait(false);

        try
        {
            await session.Dialect.EraseFreedSpaceAsync(SqlSchema.Tables, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StoreException)
        {
            throw session.Dialect.Translate(e, "erasing forgotten data");
        }

        return report;
    }
}
