namespace Corpus.Extra;

internal sealed class DeclarationError
{
    public MissingType? Field; // expect: CS0246
}
