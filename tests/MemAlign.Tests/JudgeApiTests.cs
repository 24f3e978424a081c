using MemAlign.BuiltInJudges;
using MemAlign.Testing;

namespace MemAlign.Tests;

/// <summary>A [Judge] class with state of its own and its own copy constructor: the generator writes only CreateCopy, which calls it.</summary>
[Judge("tone_with_copy")]
[Rubric("Is {{ outputs }} polite?")]
public partial class ToneWithCopy : Judge<bool>
{
    private readonly List<string> _notes = [];

    public ToneWithCopy(Microsoft.Extensions.AI.IChatClient chatClient, List<string> notes)
        : this(chatClient) => _notes = notes;

    private ToneWithCopy(ToneWithCopy original)
        : base(original) => _notes = [.. original._notes];

    public IReadOnlyList<string> Notes => _notes;
}

/// <summary>A [Judge] class with a field and no copy constructor: the generator writes no copy, so copying it is refused.</summary>
[Judge("tone_with_field")]
[Rubric("Is {{ outputs }} polite?")]
public partial class ToneWithField : Judge<bool>
{
    public List<string> Notes { get; } = [];
}

/// <summary>
/// The judge API: a judge of any value type is evaluated without a cast (Task / Task&lt;T&gt;, as JudgeVerdict /
/// JudgeVerdict&lt;T&gt;), copies are made by CreateCopy and never share or drop a class's own fields silently,
/// built-in and generated judges name their name and definition alike, and secrets are masked by a setting.
/// </summary>
public sealed class JudgeApiTests
{
    private static readonly Trace Sample = Trace.Create("t1", "Where is my order?", "It ships tomorrow.");
    private static readonly JudgeDefinition Politeness = JudgeDefinition.Create("politeness", "Is {{ outputs }} polite?", FeedbackValueType.Boolean);

    private static ScriptedChatClient Model() => new(fallback: _ => ScriptedChatClient.Response("""{"result": true, "rationale": "polite"}"""));

    [Fact]
    public async Task A_judge_from_Judge_Create_is_evaluated_without_a_cast_and_a_typed_judge_gives_the_typed_verdict()
    {
        var untyped = Judge.Create(Politeness, Model()); // a Judge, not a Judge<bool>
        var typed = new Judge<bool>(Politeness, Model());

        JudgeVerdict verdict = await untyped.EvaluateAsync(Sample);
        JudgeVerdict<bool> typedVerdict = await typed.EvaluateAsync(Sample);
        JudgeVerdict throughBase = await ((Judge)typed).EvaluateAsync(Sample);

        Assert.Equal(FeedbackValue.FromBoolean(true), verdict.Feedback);
        Assert.True(typedVerdict.Value);
        Assert.Equal(FeedbackValue.FromBoolean(true), throughBase.Feedback);
        Assert.IsNotType<JudgeVerdict<bool>>(throughBase); // the base's own verdict, as JudgeVerdict / JudgeVerdict<T> split
    }

    [Fact]
    public void A_copy_of_a_Judge_of_T_or_a_built_in_judge_keeps_its_type_and_state()
    {
        var plain = new Judge<bool>(Politeness, Model(), new JudgeOptions { MaxTransientRetries = 1 });
        var safety = new Safety(Model(), "safety_check");

        var plainCopy = plain.WithGuidelines("Be brief.");
        var safetyCopy = safety.WithGuidelines("No medical advice.");

        Assert.IsType<Judge<bool>>(plainCopy);
        Assert.Equal((1, "Be brief."), (plainCopy.Options.MaxTransientRetries, Assert.Single(plainCopy.Memory.Guidelines).Text));
        Assert.Empty(plain.Memory.Guidelines);
        Assert.IsType<Safety>(safetyCopy);
        Assert.Equal("safety_check", safetyCopy.Name);
    }

    [Fact]
    public void A_subclass_that_does_not_say_how_to_copy_itself_is_refused_with_what_to_write()
    {
        var judge = new Hand(Politeness, Model());

        var refused = Assert.Throws<InvalidOperationException>(() => judge.WithGuidelines("Be brief."));

        Assert.Contains("does not override CreateCopy()", refused.Message, StringComparison.Ordinal);
        Assert.Contains("protected Hand(Hand original) : base(original)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subclass_copies_its_own_fields_as_its_copy_constructor_says()
    {
        var judge = new HandWithCopy(Politeness, Model(), ["first"]);

        var copy = judge.WithGuidelines("Be brief.");
        judge.Notes.Add("second");

        Assert.IsType<HandWithCopy>(copy);
        Assert.Equal(["first"], copy.Notes); // its own list, copied as the class decided
        Assert.Single(copy.Memory.Guidelines);
    }

    [Fact]
    public void A_CreateCopy_that_returns_another_type_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new WrongCopy(Politeness, Model()).WithGuidelines("Be brief."));

        Assert.Contains("must return a new 'WrongCopy'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_judge_with_its_own_copy_constructor_is_copied_through_it_and_one_with_fields_but_none_is_refused()
    {
        var withCopy = new ToneWithCopy(Model(), ["kept"]);
        var withField = new ToneWithField(Model());

        var copy = withCopy.WithGuidelines("Be brief.");
        var refused = Assert.Throws<InvalidOperationException>(() => withField.WithGuidelines("Be brief."));

        Assert.IsType<ToneWithCopy>(copy);
        Assert.Equal(["kept"], copy.Notes);
        Assert.Contains("does not override CreateCopy()", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_and_generated_judges_name_their_name_and_definition_alike()
    {
        Assert.Equal(("correctness", "correctness"), (Correctness.JudgeName, Correctness.JudgeDefinition.Name));
        Assert.Equal(("safety", "relevance_to_query"), (Safety.JudgeDefinition.Name, RelevanceToQuery.JudgeDefinition.Name));
        Assert.Equal(("helpfulness", "helpfulness"), (DeclaredHelpfulness.JudgeName, DeclaredHelpfulness.JudgeDefinition.Name));
        Assert.Equal("renamed", new Correctness(Model(), "renamed").Name);
        Assert.Equal("guidelines", Guidelines.CreateDefinition(["Be polite."]).Name);
    }

    [Fact]
    public async Task The_options_redactor_masks_a_secret_of_a_client_of_your_own_in_error_verdicts_and_logs()
    {
        const string Key = "sk-own-client-secret-0123456789";
        var model = new ScriptedChatClient().Throw(new HttpRequestException($"Unauthorized: key {Key} is invalid", null, System.Net.HttpStatusCode.Unauthorized));
        var logs = new CapturingLoggerFactory();
        var judge = new Judge<bool>(Politeness, model, new JudgeOptions { SecretRedactor = SecretRedactor.For(Key), LoggerFactory = logs });

        var verdict = await judge.EvaluateAsync(Sample);

        Assert.False(verdict.IsSuccess);
        Assert.Contains("HTTP 401", verdict.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("***", verdict.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, verdict.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_redactor_nothing_is_masked_and_no_setting_leaks_between_judges()
    {
        const string Key = "sk-other-judge-secret-0123456789";
        _ = new Judge<bool>(Politeness, Model(), new JudgeOptions { SecretRedactor = SecretRedactor.For(Key) }); // another judge's setting
        var model = new ScriptedChatClient().Throw(new HttpRequestException($"Unauthorized: key {Key}", null, System.Net.HttpStatusCode.Unauthorized));

        var verdict = await new Judge<bool>(Politeness, model).EvaluateAsync(Sample);

        Assert.Contains(Key, verdict.Error!.Message, StringComparison.Ordinal); // no process-wide state: only this judge's own setting counts
    }

    [Fact]
    public void A_redactor_ignores_short_values_masks_the_longest_secret_first_and_combines()
    {
        var redactor = SecretRedactor.For("sk-abc-1234567890", "sk-abc-1234567890-longer", "short", null).With(SecretRedactor.For("another-secret-value"));

        Assert.Equal("key *** and *** but short stays", redactor.Redact("key sk-abc-1234567890-longer and another-secret-value but short stays"));
        Assert.Same(SecretRedactor.None, SecretRedactor.For("tiny", " "));
        Assert.DoesNotContain("sk-abc", redactor.ToString(), StringComparison.Ordinal);
    }

    private sealed class Hand(JudgeDefinition definition, Microsoft.Extensions.AI.IChatClient model) : Judge<bool>(definition, model)
    {
        public List<string> Notes { get; } = [];
    }

    private sealed class HandWithCopy : Judge<bool>
    {
        public HandWithCopy(JudgeDefinition definition, Microsoft.Extensions.AI.IChatClient model, List<string> notes)
            : base(definition, model) => Notes = notes;

        private HandWithCopy(HandWithCopy original)
            : base(original) => Notes = [.. original.Notes];

        public List<string> Notes { get; }

        protected override Judge CreateCopy() => new HandWithCopy(this);
    }

    private sealed class WrongCopy(JudgeDefinition definition, Microsoft.Extensions.AI.IChatClient model) : Judge<bool>(definition, model)
    {
        protected override Judge CreateCopy() => new Judge<bool>(Definition, new ScriptedChatClient());
    }
}
