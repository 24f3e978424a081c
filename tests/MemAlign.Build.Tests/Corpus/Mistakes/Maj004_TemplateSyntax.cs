using System.Threading.Tasks;
using MemAlign;
using Microsoft.Extensions.AI;

namespace Corpus.Maj004;

[Judge("half_written"), Rubric("Reply: {{ outputs }} {{ if inputs")] // expect: MAJ004
public partial class HalfWritten : Judge<bool>;

internal static class Use
{
    public static Task<JudgeVerdict<bool>> Run(IChatClient client) => new HalfWritten(client).EvaluateAsync("q", "a");
}
