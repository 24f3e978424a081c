// Every declaration here is wrong on purpose; the comment names the diagnostic each must raise.
using System.Threading.Tasks;
using MemAlign;

namespace BrokenJudges;

public enum NoOptions { }

[Judge("helpfulness"), Rubric("User query: {{ input }}\nReply: {{ outputs }}")] // MAJ003 (did you mean 'inputs'?)
public partial class Helpfulness : Judge<bool>;

[LabelSchema("helpfullness")] // MAJ001: matches no judge
public partial record TypoLabel : Label<bool>;

[Judge("rating"), Scale(1, 5), Rubric("Rate {{ outputs }}")]
public partial class Rating : Judge<int>;

[LabelSchema("rating"), Scale(1, 3)] // MAJ002: the judge's scale is 1..5
public partial record RatingLabel : Label<int>;

[Judge("syntax"), Rubric("{{ inputs }} {{ if outputs }}")] // MAJ004: no 'end'
public partial class SyntaxError : Judge<bool>;

[Judge("constant"), Rubric("Is this good?")] // MAJ005: no variable
public partial class Constant : Judge<bool>;

[Judge("session"), Rubric("{{ conversation }} {{ outputs }}")] // MAJ006
public partial class Session : Judge<bool>;

[Judge("duplicate"), Rubric("{{ inputs }}")] // MAJ007
public partial class DuplicateA : Judge<bool>;

[Judge("duplicate"), Rubric("{{ outputs }}")] // MAJ007
public partial class DuplicateB : Judge<bool>;

[Judge("not_partial"), Rubric("{{ inputs }}")] // MAJ008
public class NotPartial : Judge<bool>
{
    public NotPartial() : base(null!, (Microsoft.Extensions.AI.IChatClient)null!) { }
}

[Judge("ProductQuality"), Rubric("{{ inputs }}")] // MAJ009: use product_quality
public partial class ProductQuality : Judge<bool>;

[Judge("no_scale"), Rubric("{{ inputs }}")] // MAJ010: int needs [Scale]
public partial class NoScale : Judge<int>;

[Judge("conversation_only"), Rubric("{{ conversation }}")]
public partial class ConversationOnly : Judge<bool>;

public static class Usage
{
    public static Task AlignSession(Trace[] traces) =>
        new ConversationOnly((Microsoft.Extensions.AI.IChatClient)null!).AlignAsync(traces); // MAJ011
}
