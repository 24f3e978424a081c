using MemAlign.CodeFixes;

namespace MemAlign.Generators.Tests;

public class CodeFixTests
{
    [Fact]
    public Task Label_schema_is_renamed_to_the_closest_judge() =>
        Verify.RenameAsync(
            """
            [Judge("helpfulness"), Rubric("{{ inputs }}")]
            public partial class Helpfulness : Judge<bool>;
            [LabelSchema({|MAJ001:"helpfullness"|})]
            public partial record Typo : Label<bool>;
            """,
            """
            [Judge("helpfulness"), Rubric("{{ inputs }}")]
            public partial class Helpfulness : Judge<bool>;
            [LabelSchema("helpfulness")]
            public partial record Typo : Label<bool>;
            """);

    [Fact]
    public Task Unknown_variables_are_replaced_with_the_closest_allowed_ones_fix_all_included() =>
        Verify.RenameAsync(
            """"
            [Judge("a"), Rubric("Q: {{ {|MAJ003:input|} }} A: {{ {|MAJ003:output|} }}")]
            public partial class A : Judge<bool>;
            [Judge("b")]
            [Rubric("""
                Facts: {{ {|MAJ003:expecations|} }}
                Reply: {{ outputs }}
                """)]
            public partial class B : Judge<bool>;
            """",
            """"
            [Judge("a"), Rubric("Q: {{ inputs }} A: {{ outputs }}")]
            public partial class A : Judge<bool>;
            [Judge("b")]
            [Rubric("""
                Facts: {{ expectations }}
                Reply: {{ outputs }}
                """)]
            public partial class B : Judge<bool>;
            """");

    [Fact]
    public Task Names_are_converted_to_snake_case() =>
        Verify.RenameAsync(
            """
            [Judge({|MAJ009:"ProductQuality"|}), Rubric("{{ inputs }}")]
            public partial class ProductQualityJudge : Judge<bool>;
            [LabelSchema({|MAJ009:"ProductQuality"|})]
            public partial record ProductQualityLabel : Label<bool>;
            """,
            """
            [Judge("product_quality"), Rubric("{{ inputs }}")]
            public partial class ProductQualityJudge : Judge<bool>;
            [LabelSchema("product_quality")]
            public partial record ProductQualityLabel : Label<bool>;
            """);

    [Fact]
    public Task Non_partial_declarations_are_made_partial() =>
        Verify.CodeFixAsync<MakePartialCodeFixProvider>(
            """
            [Judge("a"), Rubric("{{ inputs }}")]
            public sealed class {|MAJ008:A|} : Judge<bool> { public A() : base(null!, (Microsoft.Extensions.AI.IChatClient)null!) { } }
            [Judge("b"), Rubric("{{ inputs }}")]
            class {|MAJ008:B|} : Judge<bool> { public B() : base(null!, (Microsoft.Extensions.AI.IChatClient)null!) { } }
            """,
            """
            [Judge("a"), Rubric("{{ inputs }}")]
            public sealed partial class A : Judge<bool> { public A() : base(null!, (Microsoft.Extensions.AI.IChatClient)null!) { } }
            [Judge("b"), Rubric("{{ inputs }}")]
            partial class B : Judge<bool> { public B() : base(null!, (Microsoft.Extensions.AI.IChatClient)null!) { } }
            """);

    [Fact]
    public Task A_label_schemas_scale_is_replaced_with_its_judges() =>
        Verify.CodeFixAsync<ScaleCodeFixProvider>(
            """
            [Judge("rating"), Scale(1, 5), Rubric("{{ inputs }}")]
            public partial class Rating : Judge<int>;
            [LabelSchema("rating"), Scale(1, 3)]
            public partial record {|MAJ002:RatingLabel|} : Label<int>;
            """,
            """
            [Judge("rating"), Scale(1, 5), Rubric("{{ inputs }}")]
            public partial class Rating : Judge<int>;
            [LabelSchema("rating"), Scale(1, 5)]
            public partial record RatingLabel : Label<int>;
            """);

    [Fact]
    public Task A_label_schema_takes_its_judges_not_applicable_value_or_drops_one_the_judge_lacks() =>
        Verify.CodeFixAsync<ScaleCodeFixProvider>(
            """
            [Judge("depth"), Scale(1, 3, NotApplicable = 0), Rubric("{{ inputs }}")]
            public partial class Depth : Judge<int>;
            [LabelSchema("depth"), Scale(1, 3)]
            public partial record {|MAJ015:DepthLabel|} : Label<int>;
            [Judge("plain"), Scale(1, 3), Rubric("{{ inputs }}")]
            public partial class Plain : Judge<int>;
            [LabelSchema("plain"), Scale(1, 3, NotApplicable = 0)]
            public partial record {|MAJ015:PlainLabel|} : Label<int>;
            """,
            """
            [Judge("depth"), Scale(1, 3, NotApplicable = 0), Rubric("{{ inputs }}")]
            public partial class Depth : Judge<int>;
            [LabelSchema("depth"), Scale(1, 3, NotApplicable = 0)]
            public partial record DepthLabel : Label<int>;
            [Judge("plain"), Scale(1, 3), Rubric("{{ inputs }}")]
            public partial class Plain : Judge<int>;
            [LabelSchema("plain"), Scale(1, 3)]
            public partial record PlainLabel : Label<int>;
            """);

    [Fact]
    public Task A_numeric_judge_gets_a_scale_and_a_reversed_one_is_replaced() =>
        Verify.CodeFixAsync<ScaleCodeFixProvider>(
            """
            [Judge("a"), Rubric("{{ inputs }}")]
            public partial class {|MAJ010:A|} : Judge<int>;
            [Judge("b"), Scale(5, 1), Rubric("{{ inputs }}")]
            public partial class {|MAJ010:B|} : Judge<double>;
            """,
            """
            [Judge("a"), Rubric("{{ inputs }}"), Scale(1, 5)]
            public partial class A : Judge<int>;
            [Judge("b"), Scale(1, 5), Rubric("{{ inputs }}")]
            public partial class B : Judge<double>;
            """);
}
