using MemAlign;

namespace Corpus.Maj007;

[Judge("duplicate"), Rubric("{{ inputs }}")] // expect: MAJ007
public partial class DuplicateA : Judge<bool>;

[Judge("duplicate"), Rubric("{{ outputs }}")] // expect: MAJ007
public partial class DuplicateB : Judge<bool>;
