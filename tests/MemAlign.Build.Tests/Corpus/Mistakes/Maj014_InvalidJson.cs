namespace Corpus.Maj014InvalidJson;

// Its memory file misses a comma: MAJ014 at the line and column the JSON reader stops at.
[MemAlign.Judge("broken_json"), MemAlign.Rubric("Is {{ outputs }} an answer to {{ inputs }}?")]
public partial class BrokenJson : MemAlign.Judge<bool>;
