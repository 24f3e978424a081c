namespace Corpus.Maj014OffScale;

// Its memory file has an example rated 7 on this 1..5 scale: MAJ014 at that example's line.
[MemAlign.Judge("off_scale"), MemAlign.Scale(1, 5), MemAlign.Rubric("Rate {{ outputs }} for {{ inputs }} from 1 to 5.")]
public partial class OffScale : MemAlign.Judge<int>;
