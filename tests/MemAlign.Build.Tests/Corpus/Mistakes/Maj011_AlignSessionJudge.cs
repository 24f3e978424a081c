using System.Threading.Tasks;
using MemAlign;
using Microsoft.Extensions.AI;

namespace Corpus.Maj011;

[Judge("conversation_only"), Rubric("{{ conversation }}")]
public partial class ConversationOnly : Judge<bool>;

internal static class Use
{
    public static Task Align(IChatClient client, Trace[] traces) =>
        new ConversationOnly(client).AlignAsync(traces); // expect: MAJ011
}
