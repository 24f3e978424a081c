namespace Corpus.Maj001;

[MemAlign.LabelSchema("helpfullness")] // expect: MAJ001
public partial record TypoLabel : MemAlign.Label<bool>;

internal static class Use
{
    public static object Schema() => TypoLabel.Definition;
}
