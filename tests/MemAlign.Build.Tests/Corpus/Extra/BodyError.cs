namespace Corpus.Extra;

internal static class BodyError
{
    public static int Count() { int count = "three"; return count; } // expect: CS0029
}
