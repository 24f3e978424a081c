using MemAlign;

namespace Corpus.Maj016;

[Judge("blind_preference"), Rubric("Which reply answers {{ inputs }} better, A or B?")] // expect: MAJ016
public partial class BlindPreference : Judge<Preference>;

internal static class Use
{
    public static JudgeDefinition Definition() => BlindPreference.JudgeDefinition;
}
