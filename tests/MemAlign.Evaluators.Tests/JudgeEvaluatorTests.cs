using System.Net;
using MemAlign.Evaluators;
using MemAlign.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace MemAlign.Evaluators.Tests;

/// <summary>MemAlign judges driven through the evaluation package's own IEvaluator and EvaluationResult types.</summary>
public class JudgeEvaluatorTests
{
    private static readonly JudgeOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5), MaxTransientRetries = 1 };

    private static readonly JudgeDefinition Helpfulness = JudgeDefinition.Create(
        "helpfulness",
        "Is the support bot's response helpful?\n\nUser query: {{ inputs }}\nAssistant response: {{ outputs }}\n",
        FeedbackValueType.Boolean);

    private static readonly ChatMessage[] Question =
    [
        new(ChatRole.System, "You are the store's support bot."),
        new(ChatRole.User, "Can you help me track my order?"),
    ];

    private static readonly ChatResponse RudeAnswer = new(new ChatMessage(ChatRole.Assistant, "Figure it out yourself."));

    private static ScriptedChatClient Replying(string json) => new(fallback: _ => ScriptedChatClient.Response(json));

    [Fact]
    public async Task Boolean_judge_gives_a_boolean_metric_named_after_it_with_the_rationale_and_a_failed_interpretation_for_false()
    {
        var model = Replying("""{"rationale": "Rude and dismissive.", "result": false}""");
        IEvaluator evaluator = new Judge<bool>(Helpfulness, model).AsEvaluator();

        var result = await evaluator.EvaluateAsync(Question, RudeAnswer, chatConfiguration: null, additionalContext: null);

        Assert.Equal(["helpfulness"], evaluator.EvaluationMetricNames);
        var metric = result.Get<BooleanMetric>("helpfulness");
        Assert.False(metric.Value);
        Assert.Equal("Rude and dismissive.", metric.Reason);
        Assert.True(metric.Interpretation!.Failed);
        Assert.Equal(EvaluationRating.Unacceptable, metric.Interpretation.Rating);
        Assert.False(result.ContainsDiagnostics());
        Assert.Equal("helpfulness", metric.Metadata![JudgeEvaluatorMetadata.JudgeName]);
        Assert.Equal("scripted-model", metric.Metadata[JudgeEvaluatorMetadata.Model]);
        Assert.Equal("0", metric.Metadata[JudgeEvaluatorMetadata.Examples]);
        Assert.Equal("10", metric.Metadata["eval-input-tokens"]);
        // The judge saw the user's request as its inputs (not the system prompt) and the response's text as its outputs.
        var prompt = model.Requests.Single().User;
        Assert.Contains("Can you help me track my order?", prompt);
        Assert.Contains("Figure it out yourself.", prompt);
        Assert.DoesNotContain("You are the store's support bot", prompt);
    }

    [Fact]
    public async Task Boolean_pass_is_not_failed_and_the_judge_version_is_in_the_metadata()
    {
        var judge = new Judge<bool>(Helpfulness, Replying("""{"rationale": "Direct answer.", "result": true}"""));
        var evaluator = judge.AsEvaluator(new JudgeEvaluatorOptions { JudgeVersion = 3, MetricName = "Helpful (MemAlign)" });

        var result = await evaluator.EvaluateAsync("What are your hours?", "Nine to six, Monday to Friday.");

        var metric = result.Get<BooleanMetric>("Helpful (MemAlign)");
        Assert.True(metric.Value);
        Assert.False(metric.Interpretation!.Failed);
        Assert.Equal(EvaluationRating.Exceptional, metric.Interpretation.Rating);
        Assert.Equal("3", metric.Metadata![JudgeEvaluatorMetadata.JudgeVersion]);
        Assert.Equal("helpfulness", metric.Metadata[JudgeEvaluatorMetadata.JudgeName]);
    }

    [Theory]
    [InlineData(2, true, EvaluationRating.Poor)]
    [InlineData(4, false, EvaluationRating.Good)]
    [InlineData(5, false, EvaluationRating.Exceptional)]
    public async Task Numeric_judge_gives_a_numeric_metric_that_fails_below_the_passing_score(int score, bool failed, EvaluationRating rating)
    {
        var definition = JudgeDefinition.Create("clarity", "Rate the clarity of {{ outputs }} for {{ inputs }}.", FeedbackValueType.Integer(1, 5));
        var evaluator = new Judge<int>(definition, Replying($$"""{"rationale": "Scored {{score}}.", "result": {{score}}}""")).AsEvaluator();

        var result = await evaluator.EvaluateAsync(Question, RudeAnswer);

        var metric = result.Get<NumericMetric>("clarity");
        Assert.Equal(score, metric.Value);
        Assert.Equal($"Scored {score}.", metric.Reason);
        Assert.Equal(failed, metric.Interpretation!.Failed);
        Assert.Equal(rating, metric.Interpretation.Rating);
        Assert.Contains("passing score 4 on the scale 1..5", metric.Interpretation.Reason);
    }

    [Fact]
    public async Task Numeric_passing_score_can_be_set()
    {
        var definition = JudgeDefinition.Create("clarity", "Rate the clarity of {{ outputs }}.", FeedbackValueType.Number(0, 1));
        var evaluator = new Judge<double>(definition, Replying("""{"rationale": "Fair.", "result": 0.55}"""))
            .AsEvaluator(new JudgeEvaluatorOptions { PassingScore = 0.5 });

        var metric = (await evaluator.EvaluateAsync(Question, RudeAnswer)).Get<NumericMetric>("clarity");

        Assert.Equal(0.55, metric.Value);
        Assert.False(metric.Interpretation!.Failed);
        Assert.Equal(EvaluationRating.Average, metric.Interpretation.Rating);
    }

    [Fact]
    public async Task Categorical_judge_gives_a_string_metric_interpreted_only_by_the_passing_options_given()
    {
        var definition = JudgeDefinition.Create("tone", "What is the tone of {{ outputs }}?", FeedbackValueType.Categorical("Warm", "Neutral", "Rude"));
        var judge = new Judge<string>(definition, Replying("""{"rationale": "Dismissive wording.", "result": "rude"}"""));

        var plain = (await judge.AsEvaluator().EvaluateAsync(Question, RudeAnswer)).Get<StringMetric>("tone");
        var interpreted = (await judge.AsEvaluator(new JudgeEvaluatorOptions { PassingOptions = ["Warm", "Neutral"] }).EvaluateAsync(Question, RudeAnswer))
            .Get<StringMetric>("tone");

        Assert.Equal("Rude", plain.Value); // the option as declared
        Assert.Equal("Dismissive wording.", plain.Reason);
        Assert.Null(plain.Interpretation);
        Assert.Equal("Rude", interpreted.Value);
        Assert.True(interpreted.Interpretation!.Failed);
        Assert.Equal(EvaluationRating.Unacceptable, interpreted.Interpretation.Rating);
    }

    [Fact]
    public void Options_that_do_not_fit_the_judge_are_refused_with_the_reason()
    {
        var definition = JudgeDefinition.Create("tone", "What is the tone of {{ outputs }}?", FeedbackValueType.Categorical("Warm", "Rude"));
        var judge = new Judge<string>(definition, Replying("{}"));

        var option = Assert.Throws<ArgumentException>(() => judge.AsEvaluator(new JudgeEvaluatorOptions { PassingOptions = ["Friendly"] }));
        var score = Assert.Throws<ArgumentException>(() => judge.AsEvaluator(new JudgeEvaluatorOptions { PassingScore = 3 }));

        Assert.Contains("\"Friendly\" is not one of its options", option.Message);
        Assert.Contains("applies only to numeric judges", score.Message);
    }

    [Fact]
    public async Task Aligned_judge_evaluates_with_its_memory_and_says_so_in_the_metadata()
    {
        var reflection = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response(
            """{"guidelines": [{"guideline_text": "Never be rude or dismissive.", "source_trace_ids": ["a-3", "a-4"]}]}"""), modelId: "fake-reflection");
        var optimizer = new MemAlignOptimizer(new MemAlignOptions { ReflectionModel = reflection, ReflectionCallOptions = Fast, RetrievalK = 2 });
        var judgeModel = Replying("""{"rationale": "Dismissive, as the guideline forbids.", "result": false}""");
        var aligned = await new Judge<bool>(Helpfulness, judgeModel, Fast).AlignAsync(
        [
            Labelled("a-1", "What are your store hours?", "We're open 9am to 6pm.", true, "Direct, accurate answer."),
            Labelled("a-2", "Thanks for your help!", "You're welcome!", true, "Warm acknowledgment."),
            Labelled("a-3", "Can you help me find my parcel?", "Not my problem.", false, "Rude."),
            Labelled("a-4", "I have a question about returns.", "Whatever.", false, "Dismissive."),
        ], optimizer);

        var result = await aligned.AsEvaluator().EvaluateAsync(Question, RudeAnswer);

        var metric = result.Get<BooleanMetric>("helpfulness");
        Assert.False(metric.Value);
        Assert.Equal("Dismissive, as the guideline forbids.", metric.Reason);
        Assert.Equal("1", metric.Metadata![JudgeEvaluatorMetadata.Guidelines]);
        Assert.Equal("4", metric.Metadata[JudgeEvaluatorMetadata.Examples]);
        Assert.Equal(2, metric.Metadata[JudgeEvaluatorMetadata.RetrievedExamples].Split(',').Length);
        // The judge's prompt carried what alignment taught it.
        var request = judgeModel.Requests.Single();
        Assert.Contains("Never be rude or dismissive.", request.System + request.User);
    }

    [Fact]
    public async Task Model_failure_gives_an_error_diagnostic_and_a_failed_interpretation()
    {
        var model = new ScriptedChatClient(fallback: _ => throw new HttpRequestException("connection refused", null, HttpStatusCode.ServiceUnavailable));
        var evaluator = new Judge<bool>(Helpfulness, model, Fast).AsEvaluator();

        var result = await evaluator.EvaluateAsync(Question, RudeAnswer);

        var metric = result.Get<BooleanMetric>("helpfulness");
        Assert.Null(metric.Value);
        var error = Assert.Single(metric.Diagnostics!);
        Assert.Equal(EvaluationDiagnosticSeverity.Error, error.Severity);
        Assert.Contains("Judge 'helpfulness' gave no verdict", error.Message);
        Assert.Contains("ModelFailure", error.Message);
        Assert.Contains("503", error.Message);
        Assert.True(metric.Interpretation!.Failed);
        Assert.Equal(EvaluationRating.Unacceptable, metric.Interpretation.Rating);
        Assert.Equal("ModelFailure", metric.Metadata![JudgeEvaluatorMetadata.ErrorKind]);
        Assert.True(result.ContainsDiagnostics(d => d.Severity == EvaluationDiagnosticSeverity.Error));
    }

    [Fact]
    public async Task Unparseable_replies_give_an_error_diagnostic_and_a_failed_interpretation()
    {
        var model = Replying("I think it is fine, really.");
        var definition = JudgeDefinition.Create("clarity", "Rate the clarity of {{ outputs }}.", FeedbackValueType.Integer(1, 5));
        var evaluator = new Judge<int>(definition, model, Fast).AsEvaluator();

        var result = await evaluator.EvaluateAsync(Question, RudeAnswer);

        var metric = result.Get<NumericMetric>("clarity");
        Assert.Null(metric.Value);
        Assert.Contains("InvalidReply", Assert.Single(metric.Diagnostics!, d => d.Severity == EvaluationDiagnosticSeverity.Error).Message);
        Assert.True(metric.Interpretation!.Failed);
        Assert.Equal(3, model.CallCount); // the first reply and its two retries
    }

    [Fact]
    public async Task Cancellation_throws_instead_of_becoming_a_diagnostic()
    {
        var evaluator = new Judge<bool>(Helpfulness, Replying("""{"rationale": "ok", "result": true}""")).AsEvaluator();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => evaluator.EvaluateAsync(Question, RudeAnswer, cancellationToken: cancelled.Token).AsTask());
    }

    [Fact]
    public async Task A_trace_context_supplies_expectations_and_the_trace_id_and_a_missing_field_fails_the_metric()
    {
        var definition = JudgeDefinition.Create("correctness", "Question: {{ inputs }}\nAnswer: {{ outputs }}\nExpected: {{ expectations }}", FeedbackValueType.Boolean);
        var model = Replying("""{"rationale": "Matches the expected answer.", "result": true}""");
        var evaluator = new Judge<bool>(definition, model).AsEvaluator();
        var context = new JudgeTraceContext(expectations: new { answer = "Paris" }, traceId: "capital-1");

        var withContext = (await evaluator.EvaluateAsync("Capital of France?", "Paris.", additionalContext: [context])).Get<BooleanMetric>("correctness");
        var without = (await evaluator.EvaluateAsync("Capital of France?", "Paris.")).Get<BooleanMetric>("correctness");

        Assert.True(withContext.Value);
        Assert.Contains("Paris", model.Requests.Single().User.Split("\nexpectations: ")[1]);
        Assert.Equal("capital-1", withContext.Metadata![JudgeEvaluatorMetadata.TraceId]);
        Assert.Same(context, withContext.Context![JudgeTraceContext.ContextName]);
        Assert.Null(without.Value);
        Assert.Contains("MissingVariable", Assert.Single(without.Diagnostics!).Message);
        Assert.True(without.Interpretation!.Failed);
        Assert.StartsWith("evaluation-", without.Metadata![JudgeEvaluatorMetadata.TraceId]);
    }

    [Fact]
    public async Task A_conversation_of_several_turns_is_given_whole_and_a_context_can_replace_the_outputs()
    {
        var definition = JudgeDefinition.Create("coherence", "Conversation: {{ conversation }}", FeedbackValueType.Boolean);
        var model = Replying("""{"rationale": "Coherent.", "result": true}""");
        var evaluator = new Judge<bool>(definition, model).AsEvaluator();
        ChatMessage[] conversation =
        [
            new(ChatRole.User, "I want to return a sweater."),
            new(ChatRole.Assistant, "Sure: what is the order number?"),
            new(ChatRole.User, "It is 4711."),
        ];

        await evaluator.EvaluateAsync(conversation, new ChatResponse(new ChatMessage(ChatRole.Assistant, "Thanks, the label is on its way.")),
            additionalContext: [new JudgeTraceContext(outputs: "Thanks, label 4711 is on its way.")]);

        var prompt = model.Requests.Single().User;
        Assert.Contains("I want to return a sweater.", prompt);
        Assert.Contains("what is the order number?", prompt);
        Assert.Contains("It is 4711.", prompt);
        Assert.Contains("label 4711 is on its way", prompt);
        Assert.DoesNotContain("the label is on its way", prompt);
    }

    [Fact]
    public async Task An_aligned_conversation_judge_recalls_the_conversation_like_the_one_evaluated()
    {
        var definition = JudgeDefinition.Create("resolution", "Was the problem resolved? {{ conversation }}", FeedbackValueType.Boolean);
        static Trace Chat(string id, string first, string last, string reply, bool resolved) =>
            Trace.Create(id, new[] { new { role = "user", content = first }, new { role = "assistant", content = "Let me check." }, new { role = "user", content = last } }, reply)
                .WithAssessment(new Assessment("resolution", resolved, AssessmentSource.Human("expert"), resolved ? "Solved." : "Left unsolved."));
        var aligned = await Judge.CreateLocal<bool>(definition).AlignAsync(
        [
            Chat("sweater", "I want to return a sweater that does not fit.", "The order number is 4711.", "Your return label for the sweater is on its way.", true),
            Chat("locked", "My account is locked after too many password attempts.", "Please unlock my account.", "I cannot help with account access.", false),
        ], new MemAlignOptimizer(new MemAlignOptions { RetrievalK = 1 }));
        ChatMessage[] conversation =
        [
            new(ChatRole.User, "I would like to return a sweater, it does not fit."),
            new(ChatRole.Assistant, "Sure: what is the order number?"),
            new(ChatRole.User, "It is 5150."),
        ];

        var result = await aligned.AsEvaluator().EvaluateAsync(conversation, new ChatResponse(new ChatMessage(ChatRole.Assistant, "The return label for your sweater is on its way.")));

        var metric = result.Get<BooleanMetric>("resolution");
        Assert.Equal("sweater", metric.Metadata![JudgeEvaluatorMetadata.RetrievedExamples]);
        Assert.True(metric.Value);
    }

    private static Trace Labelled(string id, string inputs, string outputs, bool helpful, string rationale) =>
        Trace.Create(id, inputs, outputs).WithAssessment(new Assessment("helpfulness", helpful, AssessmentSource.Human("expert"), rationale));
}
