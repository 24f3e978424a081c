namespace Corpus.Maj012;

// Its memory file names judge 'tones': a typo the build catches (MAJ012, in the .memalign.json file).
[MemAlign.Judge("tone"), MemAlign.Rubric("Is the tone of {{ outputs }} polite?")]
public partial class Tone : MemAlign.Judge<bool>;
