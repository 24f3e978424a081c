using MemAlign;

namespace Corpus.Maj008;

[Judge("not_partial"), Rubric("{{ inputs }}")]
public class NotPartial : Judge<bool>; // expect: MAJ008

[LabelSchema("not_partial")]
public record NotPartialLabel : Label<bool>; // expect: MAJ008
