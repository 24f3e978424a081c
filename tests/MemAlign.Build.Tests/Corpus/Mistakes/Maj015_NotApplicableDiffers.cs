using MemAlign;

namespace Corpus.Maj015;

[Judge("depth"), Scale(1, 3, NotApplicable = 0), Rubric("How deep is {{ outputs }}? 1 to 3, or 0 if it does not apply.")]
public partial class Depth : Judge<int>;

[LabelSchema("depth"), Scale(1, 3)]
public partial record DepthLabel : Label<int>; // expect: MAJ015

[Judge("plain_depth"), Scale(1, 3), Rubric("How deep is {{ outputs }}? 1 to 3.")]
public partial class PlainDepth : Judge<int>;

[LabelSchema("plain_depth"), Scale(1, 3, NotApplicable = 0)]
public partial record PlainDepthLabel : Label<int>; // expect: MAJ015

internal static class Use
{
    public static int Value() => DepthLabel.FromAssessment(null!, "t").Value + PlainDepthLabel.FromAssessment(null!, "t").Value;
}
