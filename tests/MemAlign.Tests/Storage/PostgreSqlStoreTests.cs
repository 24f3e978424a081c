using MemAlign.PostgreSql;
using MemAlign.Storage;
using MemAlign.Testing;
using Npgsql;

namespace MemAlign.Tests.Storage;

public sealed class PostgreSqlStoreTests : StoreContract
{
    private static string Connection => TestMachine.PostgreSqlConnection!;

    protected override async Task<IMemAlignStore> OpenAsync() => await PostgreSqlMemAlignStore.OpenAsync(Connection);

    /// <summary>The files of every table, index and TOAST relation of the database, after a checkpoint writes all pages out.</summary>
    protected override async Task<IReadOnlyList<byte[]>> ReadStorageAsync(IMemAlignStore store)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using (var checkpoint = new NpgsqlCommand("CHECKPOINT", connection))
        {
            await checkpoint.ExecuteNonQueryAsync();
        }

        string dataDirectory;
        await using (var setting = new NpgsqlCommand("SELECT current_setting('data_directory')", connection))
        {
            dataDirectory = (string)(await setting.ExecuteScalarAsync())!;
        }

        var files = new List<byte[]>();
        await using var relations = new NpgsqlCommand("SELECT pg_relation_filepath(oid) FROM pg_class WHERE relkind IN ('r', 't', 'i') AND pg_relation_filepath(oid) IS NOT NULL", connection);
        await using var reader = await relations.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var path = Path.Combine(dataDirectory, reader.GetString(0));
            foreach (var segment in Directory.Exists(Path.GetDirectoryName(path)) ? Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*") : [])
            {
                files.Add(await File.ReadAllBytesAsync(segment));
            }
        }

        return files;
    }

    [PostgreSqlFact] public Task Batch_with_one_id_twice() => A_batch_holding_one_id_twice_keeps_the_later_trace_with_exactly_its_tags_and_the_earlier_label_in_history();
    [PostgreSqlFact] public Task Trace_with_one_label_twice() => A_trace_carrying_one_reviewers_label_twice_keeps_the_later_one_and_the_earlier_in_history();
    [PostgreSqlFact] public Task Reimport_replaces_tags() => Reimporting_replaces_tags_keeps_replaced_labels_in_history_and_a_second_identical_import_changes_nothing();
    [PostgreSqlFact] public Task Conflicts_in_later_batches() => Conflicts_and_repeated_ids_in_later_batches_are_reported_by_line_and_every_other_trace_is_stored();
    [PostgreSqlFact] public Task Bad_line_in_10000() => A_bad_line_in_the_middle_of_a_10000_line_file_fails_only_that_line();
    [PostgreSqlFact] public Task Cancelled_import() => Cancelling_an_import_mid_way_leaves_whole_batches_in_file_order();
    [PostgreSqlFact] public Task Forgotten_trace_imported_again() => A_forgotten_trace_imported_again_is_kept_by_later_judge_versions();
    [PostgreSqlFact] public Task Registration_of_10000_examples() => A_judge_version_with_10000_examples_round_trips_in_order();
    [PostgreSqlFact] public Task Traces_round_trip() => Traces_round_trip_and_adding_them_again_changes_nothing();
    [PostgreSqlFact] public Task Ids_with_escaped_characters() => Ids_holding_quotes_backslashes_commas_and_any_script_are_found_by_lookups();
    [PostgreSqlFact] public Task Search() => Search_filters_by_tag_time_and_feedback_and_pages_through_large_results();
    [PostgreSqlFact] public Task Tags_and_assessments() => Tags_and_assessments_can_be_logged_updated_and_deleted();
    [PostgreSqlFact] public Task Registry() => The_registry_keeps_versions_and_lists_the_latest();
    [PostgreSqlFact] public Task Registered_judges_are_self_contained() => A_registered_judge_loads_without_model_calls_and_builds_byte_identical_prompts();
    [PostgreSqlFact] public Task Forgetting() => Forgetting_removes_every_trace_of_the_data_even_from_the_storage_bytes();
    [PostgreSqlFact] public Task Concurrent_registrations() => Concurrent_registrations_of_one_name_get_distinct_versions();
    [PostgreSqlFact] public Task Two_processes() => Two_processes_registering_one_name_lose_nothing(Connection);
    [PostgreSqlFact] public Task Evaluation_runs() => Evaluation_runs_keep_their_results();
    [PostgreSqlFact] public Task Evaluation_batches() => Batches_are_saved_with_their_run_and_move_on_by_state();
    [PostgreSqlFact] public Task One_label_per_reviewer() => A_reviewer_has_one_current_label_per_trace_whatever_the_list_order_and_keeps_the_history();
    [PostgreSqlFact] public Task Replaced_content() => Labels_of_replaced_content_stay_marked_and_are_not_learned_from();
    [PostgreSqlFact] public Task Nul_characters() => A_trace_holding_a_NUL_character_is_refused_before_anything_is_written();
    [PostgreSqlFact] public Task Stale_base_versions() => Registering_on_a_version_that_is_no_longer_the_latest_is_refused();
    [PostgreSqlFact] public Task Labeling_sessions() => Labeling_sessions_round_trip_refuse_a_second_of_one_name_and_lose_their_forgotten_traces();
    [PostgreSqlFact] public Task Label_limit_under_races() => Many_writers_on_one_trace_never_exceed_the_sessions_labels_per_trace();
    [PostgreSqlFact] public Task Session_labels() => A_sessions_labels_are_read_per_queued_trace_and_foreign_labels_are_refused();
    [PostgreSqlFact] public Task Latest_evaluation_run() => The_latest_evaluation_run_of_a_judge_is_found_among_runs_of_other_judges_and_experiments();
    [PostgreSqlFact] public Task Run_ids_are_scoped_by_experiment() => A_run_id_is_found_only_in_its_own_experiment();
    [PostgreSqlFact] public Task Experiment_reports() => An_experiment_report_round_trips_with_the_traces_it_names_kept_as_rows();
    [PostgreSqlFact] public Task Schema_3_upgrade() => A_schema_3_store_upgrades_in_place_losing_nothing();
    [PostgreSqlFact] public Task Schema_4_upgrade() => A_schema_4_store_upgrades_and_never_gives_a_deleted_version_number_again();
    [PostgreSqlFact] public Task Pairwise_results() => Pairwise_results_keep_the_answers_of_both_orders();
    [PostgreSqlFact] public Task Schema_5_upgrade() => A_schema_5_store_upgrades_keeping_its_results_which_then_hold_cached_tokens_and_the_cascade_stage();
    [PostgreSqlFact] public Task Schema_5_examples_compacted() => A_schema_5_judge_version_of_one_example_per_label_loads_and_is_stored_as_one_per_trace_on_the_next_alignment();
    [PostgreSqlFact] public Task Registration_after_a_forget() => A_judge_version_built_before_a_forget_is_registered_without_the_forgotten_trace();
    [PostgreSqlFact] public Task Forget_racing_another_process() => A_forget_wins_over_a_registration_racing_it_in_another_process(Connection);
    [PostgreSqlFact] public Task Several_tags() => Every_tag_of_a_query_must_hold_in_any_order();
    [PostgreSqlFact] public Task Version_numbers_are_not_reused() => A_deleted_version_number_is_never_given_again();
    [PostgreSqlFact] public Task Forgetting_unmatched_ids() => Forgetting_ids_that_name_nothing_reports_them_and_an_empty_id_is_refused();
    [PostgreSqlFact] public Task Label_steps() => A_schema_3_store_upgraded_records_label_steps_and_undoes_only_those_keeping_history_and_forgetting_them();

    /// <summary>The dumps replayed into a database of their own: the schema version belongs to a database, not an experiment.</summary>
    protected override Task<FixtureStore> RestoreSchema5Async() => FixtureStore.PostgreSqlAsync(Connection, schema: 5);

    protected override Task<FixtureStore> RestoreSchema4Async() => FixtureStore.PostgreSqlAsync(Connection, schema: 4);

    protected override Task<FixtureStore> RestoreSchema3Async() => FixtureStore.PostgreSqlAsync(Connection);

    [Fact]
    public async Task An_unreachable_server_gives_an_error_naming_it_and_what_to_check()
    {
        var e = await Assert.ThrowsAsync<StoreException>(() => PostgreSqlMemAlignStore.OpenAsync("Host=127.0.0.1;Port=1;Database=nowhere;Username=u;Password=hunter2-secret;Timeout=3"));

        Assert.Contains("'nowhere' on 127.0.0.1:1", e.Message);
        Assert.Contains("cannot be reached", e.Message);
        Assert.DoesNotContain("hunter2-secret", e.Message, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Forgetting_waits_for_a_transaction_that_could_still_see_the_rows_before_rewriting_the_tables()
    {
        await using var store = await OpenAsync();
        var experiment = "forget-wait-" + Guid.NewGuid().ToString("N");
        var canary = "CANARY" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        await store.AddTracesAsync(experiment, [Trace.Create("secret", $"card {canary}", "ok")]);
        // Another session holds a snapshot taken before the delete: VACUUM FULL alone would copy the deleted row.
        await using var reader = new NpgsqlConnection(Connection);
        await reader.OpenAsync();
        var snapshot = await reader.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM pg_class", reader, snapshot)) // a snapshot, but no lock on MemAlign's tables
        {
            await read.ExecuteScalarAsync();
        }

        var forgetting = store.ForgetAsync(experiment, ["secret"]);
        await Task.Delay(1_500);
        Assert.False(forgetting.IsCompleted); // it waits for that snapshot
        await snapshot.CommitAsync();
        await forgetting.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.DoesNotContain(await ReadStorageAsync(store), bytes => bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(canary)) >= 0);
    }

    [Theory]
    [InlineData("Host=h;Password=hunter2-secret;Bogus Keyword=1", "unknown keyword 'Bogus Keyword'")]
    [InlineData("Host=h;Password=hunter2-secret;Port=eighty", "invalid value for 'Port'")]
    [InlineData("Host=h;Password='hunter2-secret", "connection string is malformed")]
    [InlineData("postgresql://u:hunter2-secret@h:notaport/db", "URL is malformed")]
    public async Task A_malformed_connection_setting_is_explained_on_one_line_without_echoing_it(string setting, string reason)
    {
        var e = await Assert.ThrowsAsync<StoreException>(() => PostgreSqlMemAlignStore.OpenAsync(setting));

        Assert.Contains(reason, e.Message, StringComparison.OrdinalIgnoreCase); // keywords come back lower-cased
        Assert.Contains("Host=...;Database=...;Username=...", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.EndsWith(".", e.Message, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Urls_are_understood()
    {
        var settings = new NpgsqlConnectionStringBuilder(Connection);
        var url = $"postgresql://{Uri.EscapeDataString(settings.Username!)}:{Uri.EscapeDataString(settings.Password ?? "")}@{settings.Host}:{settings.Port}/{settings.Database}";

        await using var store = await PostgreSqlMemAlignStore.OpenAsync(url);

        Assert.Equal($"PostgreSQL database '{settings.Database}' on {settings.Host}:{settings.Port}", store.Description);
        Assert.True(PostgreSqlMemAlignStore.IsConnectionSetting(url));
        Assert.True(PostgreSqlMemAlignStore.IsConnectionSetting("Host=localhost;Database=x"));
        Assert.False(PostgreSqlMemAlignStore.IsConnectionSetting("/data/hosts/memalign.db"));
    }

    [PostgreSqlFact]
    public async Task An_applications_own_data_source_is_used_and_left_open()
    {
        await using var dataSource = NpgsqlDataSource.Create(Connection);
        await using (var store = await PostgreSqlMemAlignStore.OpenAsync(dataSource))
        {
            await store.CreateExperimentAsync("own-data-source");
            Assert.Contains("own-data-source", await store.ListExperimentsAsync());
        }

        // Disposing the store left the caller's data source usable.
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }

    [PostgreSqlFact]
    public async Task A_schema_5_store_upgraded_keeps_its_labels_without_the_index_that_repeated_the_current_label_index()
    {
        await using var fixture = await FixtureStore.PostgreSqlAsync(Connection, schema: 5);
        await using (var store = await PostgreSqlMemAlignStore.OpenAsync(fixture.Setting))
        {
            var trace = (await store.GetTraceAsync(IMemAlignStore.DefaultExperiment, "fx-01"))!;
            Assert.Equal(["ann", "bob"], trace.Assessments.Select(a => a.Source.Id).Order(StringComparer.Ordinal));
        }

        await using var connection = new NpgsqlConnection(fixture.Setting);
        await connection.OpenAsync();
        await using var indexes = new NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE tablename = 'assessments' ORDER BY indexname", connection);
        var names = new List<string>();
        await using (var reader = await indexes.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["assessments_by_name", "assessments_current", "assessments_pkey"], names);
    }

    [PostgreSqlFact]
    public async Task After_a_large_write_the_planner_knows_how_large_the_experiment_is()
    {
        // Statistics from before the write say the experiment is empty; plans made on them read every row of the experiment per lookup
        // by id (through an index on the experiment alone). After the write, the planner's estimate must be of the experiment's real size.
        var experiment = "planned-" + Guid.NewGuid().ToString("N")[..8];
        await using var store = await PostgreSqlMemAlignStore.OpenAsync(Connection);
        await store.AddTracesAsync(experiment, Enumerable.Range(0, 5_000).Select(i => Trace.Create($"t{i:D5}", $"question {i}", $"answer {i}")
            .WithTag("split", i % 5 == 0 ? "test" : "train").WithTag("source", "bench")
            .WithAssessment(new Assessment("helpfulness", i % 2 == 0, AssessmentSource.Human("expert")))));

        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        foreach (var table in new[] { "traces", "trace_tags", "assessments" })
        {
            await using var explain = new NpgsqlCommand($"EXPLAIN SELECT trace_id FROM {table} WHERE experiment = @e", connection);
            explain.Parameters.AddWithValue("e", experiment);
            var plan = (string)(await explain.ExecuteScalarAsync())!;
            var estimate = long.Parse(System.Text.RegularExpressions.Regex.Match(plan, @"rows=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(estimate >= 1_000, $"{table}: the planner expects {estimate} row(s) of the 5,000-trace experiment: {plan}");
        }
    }

    [PostgreSqlFact]
    public async Task A_new_batch_whose_trace_another_writer_stores_meanwhile_is_merged_after_all()
    {
        // The batch is copied straight into the tables when none of its traces is stored. Another session holds an uncommitted
        // insert of one of them: the check cannot see it, the copy waits on its key, and fails when that session commits.
        // The batch must then be merged (the later write wins), not lost or failed.
        var experiment = "copy-race-" + Guid.NewGuid().ToString("N")[..8];
        await using var store = await PostgreSqlMemAlignStore.OpenAsync(Connection);
        await store.CreateExperimentAsync(experiment);
        await using var other = new NpgsqlConnection(Connection);
        await other.OpenAsync();
        await using var otherWrite = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO traces (experiment, trace_id, inputs, outputs, metadata, created_at) VALUES (@e, 't1', '\"before\"', '\"old\"', '{}', 0)", other, otherWrite))
        {
            insert.Parameters.AddWithValue("e", experiment);
            await insert.ExecuteNonQueryAsync();
        }

        var adding = store.AddTracesAsync(experiment, [
            Trace.Create("t1", "question one", "answer one").WithTag("split", "test").WithAssessment(new Assessment("helpfulness", true, AssessmentSource.Human("expert"))),
            Trace.Create("t2", "question two", "answer two").WithAssessment(new Assessment("helpfulness", false, AssessmentSource.Human("expert"))),
        ]);
        await WaitUntilBlockedAsync(experiment);
        Assert.False(adding.IsCompleted);
        await otherWrite.CommitAsync();
        await adding.WaitAsync(TimeSpan.FromSeconds(60));

        var t1 = await store.GetTraceAsync(experiment, "t1");
        Assert.Equal("answer one", t1!.Outputs!.Value.GetString());
        Assert.Equal("test", t1.Tags["split"]);
        Assert.True(Assert.Single(t1.Assessments).Value.AsBoolean());
        Assert.False(Assert.Single((await store.GetTraceAsync(experiment, "t2"))!.Assessments).Value.AsBoolean());
    }

    // Until a session of this database waits on a lock (the copy waiting on the other session's key), up to 30 s.
    private static async Task WaitUntilBlockedAsync(string experiment)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()", connection);
            if ((long)(await waiting.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No write to experiment '{experiment}' waited on the other session's uncommitted trace.");
    }
}
