using MemAlign.Storage;
using MemAlign.Sqlite;
using MemAlign.Testing;
using Microsoft.Data.Sqlite;

namespace MemAlign.Tests.Storage;

public sealed class SqliteStoreTests : StoreContract
{
    private readonly string _path = StoreEnvironment.TempDatabase();

    protected override async Task<IMemAlignStore> OpenAsync() => await SqliteMemAlignStore.OpenAsync(_path);

    protected override Task<IReadOnlyList<byte[]>> ReadStorageAsync(IMemAlignStore store)
    {
        SqliteConnection.ClearAllPools();
        IReadOnlyList<byte[]> files = [.. new[] { _path, _path + "-wal", _path + "-shm", _path + "-journal" }.Where(File.Exists).Select(ReadShared)];
        return Task.FromResult(files);
    }

    [Fact] public Task Batch_with_one_id_twice() => A_batch_holding_one_id_twice_keeps_the_later_trace_with_exactly_its_tags_and_the_earlier_label_in_history();
    [Fact] public Task Trace_with_one_label_twice() => A_trace_carrying_one_reviewers_label_twice_keeps_the_later_one_and_the_earlier_in_history();
    [Fact] public Task Reimport_replaces_tags() => Reimporting_replaces_tags_keeps_replaced_labels_in_history_and_a_second_identical_import_changes_nothing();
    [Fact] public Task Conflicts_in_later_batches() => Conflicts_and_repeated_ids_in_later_batches_are_reported_by_line_and_every_other_trace_is_stored();
    [Fact] public Task Bad_line_in_10000() => A_bad_line_in_the_middle_of_a_10000_line_file_fails_only_that_line();
    [Fact] public Task Cancelled_import() => Cancelling_an_import_mid_way_leaves_whole_batches_in_file_order();
    [Fact] public Task Forgotten_trace_imported_again() => A_forgotten_trace_imported_again_is_kept_by_later_judge_versions();
    [Fact] public Task Registration_of_10000_examples() => A_judge_version_with_10000_examples_round_trips_in_order();
    [Fact] public Task Traces_round_trip() => Traces_round_trip_and_adding_them_again_changes_nothing();
    [Fact] public Task Ids_with_escaped_characters() => Ids_holding_quotes_backslashes_commas_and_any_script_are_found_by_lookups();
    [Fact] public Task Search() => Search_filters_by_tag_time_and_feedback_and_pages_through_large_results();
    [Fact] public Task Tags_and_assessments() => Tags_and_assessments_can_be_logged_updated_and_deleted();
    [Fact] public Task Registry() => The_registry_keeps_versions_and_lists_the_latest();
    [Fact] public Task Registered_judges_are_self_contained() => A_registered_judge_loads_without_model_calls_and_builds_byte_identical_prompts();
    [Fact] public Task Forgetting() => Forgetting_removes_every_trace_of_the_data_even_from_the_storage_bytes();
    [Fact] public Task Concurrent_registrations() => Concurrent_registrations_of_one_name_get_distinct_versions();
    [Fact] public Task Two_processes() => Two_processes_registering_one_name_lose_nothing(_path);
    [Fact] public Task Evaluation_runs() => Evaluation_runs_keep_their_results();
    [Fact] public Task Evaluation_batches() => Batches_are_saved_with_their_run_and_move_on_by_state();
    [Fact] public Task One_label_per_reviewer() => A_reviewer_has_one_current_label_per_trace_whatever_the_list_order_and_keeps_the_history();
    [Fact] public Task Replaced_content() => Labels_of_replaced_content_stay_marked_and_are_not_learned_from();
    [Fact] public Task Nul_characters() => A_trace_holding_a_NUL_character_is_refused_before_anything_is_written();
    [Fact] public Task Label_limit_under_races() => Many_writers_on_one_trace_never_exceed_the_sessions_labels_per_trace();
    [Fact] public Task Session_labels() => A_sessions_labels_are_read_per_queued_trace_and_foreign_labels_are_refused();
    [Fact] public Task Stale_base_versions() => Registering_on_a_version_that_is_no_longer_the_latest_is_refused();
    [Fact] public Task Labeling_sessions() => Labeling_sessions_round_trip_refuse_a_second_of_one_name_and_lose_their_forgotten_traces();
    [Fact] public Task Latest_evaluation_run() => The_latest_evaluation_run_of_a_judge_is_found_among_runs_of_other_judges_and_experiments();
    [Fact] public Task Run_ids_are_scoped_by_experiment() => A_run_id_is_found_only_in_its_own_experiment();
    [Fact] public Task Experiment_reports() => An_experiment_report_round_trips_with_the_traces_it_names_kept_as_rows();
    [Fact] public Task Schema_3_upgrade() => A_schema_3_store_upgrades_in_place_losing_nothing();
    [Fact] public Task Schema_4_upgrade() => A_schema_4_store_upgrades_and_never_gives_a_deleted_version_number_again();
    [Fact] public Task Pairwise_results() => Pairwise_results_keep_the_answers_of_both_orders();
    [Fact] public Task Schema_5_upgrade() => A_schema_5_store_upgrades_keeping_its_results_which_then_hold_cached_tokens_and_the_cascade_stage();
    [Fact] public Task Schema_5_examples_compacted() => A_schema_5_judge_version_of_one_example_per_label_loads_and_is_stored_as_one_per_trace_on_the_next_alignment();
    [Fact] public Task Registration_after_a_forget() => A_judge_version_built_before_a_forget_is_registered_without_the_forgotten_trace();
    [Fact] public Task Forget_racing_another_process() => A_forget_wins_over_a_registration_racing_it_in_another_process(_path);
    [Fact] public Task Several_tags() => Every_tag_of_a_query_must_hold_in_any_order();
    [Fact] public Task Version_numbers_are_not_reused() => A_deleted_version_number_is_never_given_again();
    [Fact] public Task Forgetting_unmatched_ids() => Forgetting_ids_that_name_nothing_reports_them_and_an_empty_id_is_refused();
    [Fact] public Task Label_steps() => A_schema_3_store_upgraded_records_label_steps_and_undoes_only_those_keeping_history_and_forgetting_them();

    protected override Task<FixtureStore> RestoreSchema5Async() => Task.FromResult(FixtureStore.Sqlite(schema: 5));

    protected override Task<FixtureStore> RestoreSchema4Async() => Task.FromResult(FixtureStore.Sqlite(schema: 4));

    protected override Task<FixtureStore> RestoreSchema3Async() => Task.FromResult(FixtureStore.Sqlite());

    [Fact]
    public async Task A_bulk_write_is_copied_from_the_log_into_the_database_file_while_the_store_is_open()
    {
        // SQLite's own checkpoint waits for the log to hold 10,000 pages (40 MB); 2,000 traces fill a few hundred. The file grows only
        // if the store copies them back itself after the batch, on its own connection.
        await using var store = await SqliteMemAlignStore.OpenAsync(_path);
        var before = new FileInfo(_path).Length;
        await store.AddTracesAsync(Experiment, Enumerable.Range(0, 2_000).Select(i => Trace.Create($"t{i:D5}", $"question {i} {new string('q', 300)}", $"answer {i}")
            .WithTag("split", "train").WithAssessment(new Assessment("helpfulness", i % 2 == 0, AssessmentSource.Human("expert")))));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (new FileInfo(_path).Length <= before + 500_000 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(new FileInfo(_path).Length > before + 500_000, $"the database file is still {new FileInfo(_path).Length:N0} bytes (was {before:N0}): the batch stayed in the log");
    }

    [Fact]
    public async Task A_schema_5_store_upgraded_finds_a_trace_s_labels_through_the_current_label_index_alone()
    {
        await using var fixture = FixtureStore.Sqlite(schema: 5);
        await using (var store = await SqliteMemAlignStore.OpenAsync(fixture.Setting))
        {
            var trace = (await store.GetTraceAsync(IMemAlignStore.DefaultExperiment, "fx-01"))!;
            Assert.Equal(["ann", "bob"], trace.Assessments.Select(a => a.Source.Id).Order(StringComparer.Ordinal));
        }

        // Schema 8 dropped the index that repeated the first columns of assessments_current; lookups by trace use that one.
        await using var connection = new SqliteConnection($"Data Source={fixture.Setting};Pooling=False");
        await connection.OpenAsync();
        await using var indexes = connection.CreateCommand();
        indexes.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assessments' AND sql IS NOT NULL ORDER BY name";
        var names = new List<string>();
        await using (var reader = await indexes.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["assessments_by_name", "assessments_current"], names);
        await using var plan = connection.CreateCommand();
        plan.CommandText = "EXPLAIN QUERY PLAN SELECT value FROM assessments WHERE experiment = 'default' AND trace_id = 'fx-01'";
        await using var steps = await plan.ExecuteReaderAsync();
        Assert.True(await steps.ReadAsync());
        Assert.Contains("USING INDEX assessments_current", steps.GetString(3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_3_store_opened_read_only_says_a_writing_command_must_upgrade_it_first()
    {
        await using var fixture = FixtureStore.Sqlite();

        var e = await Assert.ThrowsAsync<StoreException>(() => SqliteMemAlignStore.OpenReadOnlyAsync(fixture.Setting));

        Assert.Contains("has schema version 3", e.Message);
        Assert.Contains("must first be upgraded to version 8", e.Message);
        await (await SqliteMemAlignStore.OpenAsync(fixture.Setting)).DisposeAsync();
        await using var upgraded = await SqliteMemAlignStore.OpenReadOnlyAsync(fixture.Setting);
        Assert.Equal(3, (await upgraded.ListEvaluationRunsAsync(IMemAlignStore.DefaultExperiment)).Count);
    }

    [Fact]
    public async Task The_store_is_created_on_first_use_with_its_folder()
    {
        await using (var store = await SqliteMemAlignStore.OpenAsync(_path))
        {
            Assert.Contains(_path, store.Description);
        }

        Assert.True(File.Exists(_path));
    }

    [Fact]
    public async Task A_file_that_is_not_a_SQLite_database_gives_an_error_naming_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await File.WriteAllTextAsync(_path, "this is a text file, not a database; it is long enough to have a header region of sorts............");

        var e = await Assert.ThrowsAsync<StoreException>(() => SqliteMemAlignStore.OpenAsync(_path));

        Assert.Contains(_path, e.Message);
        Assert.Contains("not a SQLite database", e.Message);
    }

    [Fact]
    public async Task A_store_written_by_a_newer_MemAlign_is_refused()
    {
        await (await SqliteMemAlignStore.OpenAsync(_path)).DisposeAsync();
        await using (var connection = new SqliteConnection($"Data Source={_path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE memalign_schema SET version = 99";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var e = await Assert.ThrowsAsync<StoreException>(() => SqliteMemAlignStore.OpenAsync(_path));

        Assert.Contains("schema version 99", e.Message);
        Assert.Contains("newer MemAlign", e.Message);
    }

    [Fact]
    public async Task A_process_killed_during_a_bulk_import_leaves_a_consistent_store()
    {
        var worker = StoreEnvironment.StartWorker("import", _path, Experiment, "200000");
        // Watch the database itself (not the worker's output) and kill the worker mid-import, once 3 batches are in.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await CommittedTracesAsync() < 3_000)
        {
            if (worker.HasExited)
            {
                Assert.Fail("The worker ended before it was killed: " + await worker.StandardError.ReadToEndAsync());
            }

            Assert.True(DateTime.UtcNow < deadline, "The worker made no progress.");
            await Task.Delay(5);
        }

        worker.Kill(entireProcessTree: true);
        await worker.WaitForExitAsync();
        Assert.NotEqual(0, worker.ExitCode); // killed, not finished

        await using var store = await SqliteMemAlignStore.OpenAsync(_path);
        var traces = await store.SearchTracesAsync(Experiment, TraceQuery.All).ToListAsync();
        Assert.True(traces.Count >= 3_000 && traces.Count < 200_000, $"{traces.Count} traces");
        Assert.Equal(0, traces.Count % 1_000); // whole batches only
        Assert.All(traces, t => Assert.Single(t.Assessments));
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
    }

    private async Task<long> CommittedTracesAsync()
    {
        if (!File.Exists(_path))
        {
            return 0;
        }

        try
        {
            await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False;Default Timeout=5");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM traces";
            return (long)(await count.ExecuteScalarAsync())!;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            return 0; // no such table: the worker has not created the schema yet
        }
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
