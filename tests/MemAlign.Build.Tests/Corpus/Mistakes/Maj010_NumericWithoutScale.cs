using System.Threading.Tasks;
using MemAlign;
using Microsoft.Extensions.AI;

namespace Corpus.Maj010;

[Judge("no_scale"), Rubric("Rate {{ outputs }}")]
public partial class NoScale : Judge<int>; // expect: MAJ010

[Judge("reversed"), Scale(5, 1), Rubric("Rate {{ outputs }}")]
public partial class Reversed : Judge<double>; // expect: MAJ010

internal static class Use
{
    public static Task<JudgeVerdict<int>> Run(IChatClient client) => new NoScale(client).EvaluateAsync("an answer");
}
