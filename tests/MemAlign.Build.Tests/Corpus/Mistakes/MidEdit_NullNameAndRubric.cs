using MemAlign;
using Microsoft.Extensions.AI;

namespace Corpus.MidEdit;

[Judge(null!), Rubric(null!)] // expect: MAJ009 MAJ005
public partial class Unnamed : Judge<bool>;

internal static class Use
{
    public static Judge<bool> Create(IChatClient client) => new Unnamed(client);
}
