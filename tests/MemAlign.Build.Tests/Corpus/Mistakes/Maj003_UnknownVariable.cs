using System.Threading.Tasks;
using MemAlign;
using Microsoft.Extensions.AI;

namespace Corpus.Maj003;

[Judge("helpfulness")]
[Rubric("""
    User query: {{ input }}
    Reply: {{ outputs }}
    """)] // expect: MAJ003@-2
public partial class Helpfulness : Judge<bool>;

internal static class Use
{
    // The typed call keeps the signature the fixed rubric will have.
    public static Task<JudgeVerdict<bool>> Run(IChatClient client) => new Helpfulness(client).EvaluateAsync("Where is my order?", "It ships tomorrow.");
}
