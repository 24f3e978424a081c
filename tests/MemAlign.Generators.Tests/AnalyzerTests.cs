using MemAlign.Generators.Analyzers;

namespace MemAlign.Generators.Tests;

public class AnalyzerTests
{
    [Fact]
    public Task Well_formed_judges_and_label_schemas_have_no_diagnostics() =>
        Verify.DeclarationsAsync(Sources.Judges.Replace("using MemAlign;", "", StringComparison.Ordinal));

    [Fact]
    public Task Unknown_variable_is_located_inside_a_regular_literal_even_after_escapes() =>
        Verify.DeclarationsAsync("""
            [Judge("j"), Rubric("Line\n\t\"quoted\" \u0041 {{ {|MAJ003:output|} }} for {{ inputs }}")]
            public partial class J : Judge<bool>;
            """);

    [Fact]
    public Task Unknown_variable_is_located_inside_a_verbatim_literal() =>
        Verify.DeclarationsAsync("""
            [Judge("j"), Rubric(@"Say ""hi"" to {{ {|MAJ003:imputs|} }} about {{ outputs }}")]
            public partial class J : Judge<bool>;
            """);

    [Fact]
    public Task Unknown_variable_is_located_inside_a_multi_line_raw_literal() =>
        Verify.DeclarationsAsync(""""
            [Judge("j")]
            [Rubric("""
                Evaluate the reply.
                Query: {{ inputs }}
                Reply: {{ {|MAJ003:output|} }}
                """)]
            public partial class J : Judge<bool>;
            """");

    [Fact]
    public Task Scriban_errors_point_into_the_literal() =>
        Verify.DeclarationsAsync("""
            [Judge("j"), Rubric("{{ inputs }} {{ outputs + {|MAJ004:}|}} ")]
            public partial class J : Judge<bool>;
            """);

    [Fact]
    public Task Unclosed_code_block_and_forbidden_functions_are_template_errors() =>
        Verify.DeclarationsAsync("""
            [Judge("a"), Rubric("{{ inputs }} {|MAJ004:{{|} outputs ")]
            public partial class A : Judge<bool>;
            [Judge("b"), Rubric("{{ {|MAJ004:include|} 'x' }} {{ inputs }}")]
            public partial class B : Judge<bool>;
            """);

    [Fact]
    public Task A_rubric_without_variables_is_flagged_as_a_whole() =>
        Verify.DeclarationsAsync("""
            [Judge("j"), Rubric({|MAJ005:"Is this good?"|})]
            public partial class J : Judge<bool>;
            """);

    [Fact]
    public Task Conversation_combines_only_with_expectations() =>
        Verify.DeclarationsAsync("""
            [Judge("ok"), Rubric("{{ conversation }} {{ expectations }}")]
            public partial class Ok : Judge<bool>;
            [Judge("bad"), Rubric("{{ conversation }} {{ {|MAJ006:outputs|} }}")]
            public partial class Bad : Judge<bool>;
            """);

    [Fact]
    public Task Scriban_builtins_loops_and_members_are_not_flagged() =>
        Verify.DeclarationsAsync("""
            [Judge("j"), Rubric("{{ for m in conversation }}{{ m.role | string.upcase }}{{ end }} {{ x = expectations.facts }}{{ x }} {{ date.now }}")]
            public partial class J : Judge<bool>;
            """);

    [Fact]
    public Task Two_judges_with_one_name_are_both_flagged() =>
        Verify.DeclarationsAsync("""
            [Judge({|MAJ007:"helpfulness"|}), Rubric("{{ inputs }}")]
            public partial class A : Judge<bool>;
            [Judge({|MAJ007:"helpfulness"|}), Rubric("{{ outputs }}")]
            public partial class B : Judge<bool>;
            """);

    [Fact]
    public Task Malformed_judge_declarations_are_flagged() =>
        Verify.DeclarationsAsync("""
            [Judge("not_partial"), Rubric("{{ inputs }}")]
            public class {|MAJ008:NotPartial|} : Judge<bool> { public NotPartial() : base(null!, (Microsoft.Extensions.AI.IChatClient)null!) { } }
            [Judge("generic"), Rubric("{{ inputs }}")]
            public partial class {|MAJ008:Generic|}<T> : Judge<bool>;
            [Judge("no_base"), Rubric("{{ inputs }}")]
            public partial class {|MAJ008:NoBase|};
            [Judge("no_rubric")]
            public partial class {|MAJ008:NoRubric|} : Judge<bool>;
            """);

    [Fact]
    public Task Names_must_be_snake_case() =>
        Verify.DeclarationsAsync("""
            [Judge({|MAJ009:"Helpfulness"|}), Rubric("{{ inputs }}")]
            public partial class A : Judge<bool>;
            [LabelSchema({|MAJ009:"Helpfulness"|})]
            public partial record ALabel : Label<bool>;
            """);

    [Fact]
    public Task Value_types_and_scales_are_checked() =>
        Verify.DeclarationsAsync("""
            public enum Empty { }
            [Judge("no_scale"), Rubric("{{ inputs }}")]
            public partial class {|MAJ010:NoScale|} : Judge<int>;
            [Judge("reversed"), Scale(5, 1), Rubric("{{ inputs }}")]
            public partial class {|MAJ010:Reversed|} : Judge<double>;
            [Judge("empty_enum"), Rubric("{{ inputs }}")]
            public partial class {|MAJ010:EmptyEnum|} : Judge<Empty>;
            [Judge("when"), Rubric("{{ inputs }}")]
            public partial class {|MAJ010:When|} : Judge<System.DateTime>;
            [Judge("scaled_bool"), Scale(1, 5), Rubric("{{ inputs }}")]
            public partial class {|MAJ010:ScaledBool|} : Judge<bool>;
            """);

    [Fact]
    public Task Label_schema_must_match_a_judge() =>
        Verify.DeclarationsAsync("""
            [Judge("helpfulness"), Rubric("{{ inputs }}")]
            public partial class Helpfulness : Judge<bool>;
            [LabelSchema({|MAJ001:"helpfullness"|})]
            public partial record Typo : Label<bool>;
            """);

    [Fact]
    public Task Label_schema_must_match_its_judges_value_type_and_scale() =>
        Verify.DeclarationsAsync("""
            [Judge("rating"), Scale(1, 5), Rubric("{{ inputs }}")]
            public partial class Rating : Judge<int>;
            [LabelSchema("rating"), Scale(1, 3)]
            public partial record {|MAJ002:ShortScale|} : Label<int>;
            [Judge("passed"), Rubric("{{ inputs }}")]
            public partial class Passed : Judge<bool>;
            [LabelSchema("passed"), Scale(1, 5)]
            public partial record {|MAJ002:WrongKind|} : Label<int>;
            """);

    [Fact]
    public Task Label_schema_and_judge_must_agree_on_not_applicable() =>
        Verify.DeclarationsAsync("""
            [Judge("depth"), Scale(1, 3), Rubric("{{ inputs }}")]
            public partial class Depth : Judge<int>;
            [LabelSchema("depth"), Scale(1, 3, NotApplicable = 0)]
            public partial record {|MAJ015:AllowsWhatTheJudgeCannotSay|} : Label<int>;
            [Judge("breadth"), Scale(1, 3, NotApplicable = 0), Rubric("{{ inputs }}")]
            public partial class Breadth : Judge<int>;
            [LabelSchema("breadth"), Scale(1, 3)]
            public partial record {|MAJ015:CannotCarryWhatTheJudgeSays|} : Label<int>;
            [Judge("width"), Scale(1, 3, NotApplicable = 0), Rubric("{{ inputs }}")]
            public partial class Width : Judge<int>;
            [LabelSchema("width"), Scale(1, 3, NotApplicable = -1)]
            public partial record {|MAJ015:AnotherValue|} : Label<int>;
            [Judge("height"), Scale(1, 3, NotApplicable = 0), Rubric("{{ inputs }}")]
            public partial class Height : Judge<int>;
            [LabelSchema("height")]
            public partial record TakesTheJudgesScale : Label<int>;
            [Judge("length"), Scale(0.5, 2.5, NotApplicable = 0), Rubric("{{ inputs }}")]
            public partial class Length : Judge<double>;
            [LabelSchema("length"), Scale(0.5, 2.5, NotApplicable = 0)]
            public partial record SameScale : Label<double>;
            """);

    [Fact]
    public Task A_not_applicable_value_on_the_scale_or_not_whole_is_an_invalid_scale() =>
        Verify.DeclarationsAsync("""
            [Judge("on_scale"), Scale(0, 3, NotApplicable = 0), Rubric("{{ inputs }}")]
            public partial class {|MAJ010:OnScale|} : Judge<int>;
            [Judge("half"), Scale(1, 3, NotApplicable = 0.5), Rubric("{{ inputs }}")]
            public partial class {|MAJ010:Half|} : Judge<int>;
            """);

    [Fact]
    public Task A_numeric_label_schema_without_a_scale_takes_its_judges() =>
        Verify.DeclarationsAsync("""
            [Judge("rating"), Scale(1, 3), Rubric("{{ inputs }}")]
            public partial class Rating : Judge<int>;
            [LabelSchema("rating")]
            public partial record RatingLabel : Label<int>;
            [Judge("score"), Scale(0.5, 2.5), Rubric("{{ inputs }}")]
            public partial class Score : Judge<double>;
            [LabelSchema("score")]
            public partial record ScoreLabel : Label<double>;
            [Judge("passed"), Rubric("{{ inputs }}")]
            public partial class Passed : Judge<bool>;
            [LabelSchema("passed")]
            public partial record {|MAJ002:NumberForBool|} : Label<int>;
            """);

    [Fact]
    public Task Missing_names_and_rubrics_written_mid_edit_are_flagged() =>
        Verify.DeclarationsAsync("""
            [Judge({|MAJ009:null!|}), Rubric({|MAJ005:null!|})]
            public partial class Nameless : Judge<bool>;
            [Judge({|MAJ009:""|}), Rubric({|MAJ005:"  "|})]
            public partial class Blank : Judge<bool>;
            [LabelSchema({|MAJ009:""|})]
            public partial record BlankLabel : Label<bool>;
            """);

    [Fact]
    public Task Aligning_a_conversation_judge_is_not_flagged() =>
        Verify.DeclarationsAsync("""
            using System.Threading.Tasks;
            [Judge("completeness"), Rubric("{{ conversation }}")]
            public partial class Completeness : Judge<bool> { public Completeness() : base(null!, (Microsoft.Extensions.AI.IChatClient)null!) { } }
            public static class Use
            {
                public static async Task Run(Trace[] traces) => await new Completeness().AlignAsync(traces);
            }
            """);
}
