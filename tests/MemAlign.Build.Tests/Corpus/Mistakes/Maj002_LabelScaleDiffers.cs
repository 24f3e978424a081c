using MemAlign;

namespace Corpus.Maj002;

[Judge("rating"), Scale(1, 5), Rubric("Rate {{ outputs }} from 1 to 5.")]
public partial class Rating : Judge<int>;

[LabelSchema("rating"), Scale(1, 3)]
public partial record RatingLabel : Label<int>; // expect: MAJ002

internal static class Use
{
    public static int Value() => RatingLabel.FromAssessment(null!, "t").Value;
}
