namespace Corpus.Maj013;

// Reworded ("reply" became "answer") after its memory file was aligned: MAJ013 in the .memalign.json file.
[MemAlign.Judge("stale_rubric"), MemAlign.Rubric("Is {{ outputs }} a polite answer to {{ inputs }}?")]
public partial class StaleRubric : MemAlign.Judge<bool>;
