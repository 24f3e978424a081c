using MemAlign;

namespace Corpus.Maj005;

[Judge("constant"), Rubric("Is this good?")] // expect: MAJ005
public partial class Constant : Judge<bool>;

internal static class Use
{
    public static string Name() => Constant.JudgeName;
}
