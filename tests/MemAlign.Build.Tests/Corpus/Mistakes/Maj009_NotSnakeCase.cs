using MemAlign;

namespace Corpus.Maj009;

[Judge("ProductQuality"), Rubric("{{ inputs }}")] // expect: MAJ009
public partial class ProductQuality : Judge<bool>;
