using MemAlign;

namespace Corpus.Maj006;

[Judge("session"), Rubric("{{ conversation }} {{ outputs }}")] // expect: MAJ006
public partial class Session : Judge<bool>;

internal static class Use
{
    public static JudgeDefinition Definition() => Session.JudgeDefinition;
}
