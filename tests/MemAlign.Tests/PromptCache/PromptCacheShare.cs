using MemAlign.Alignment;

namespace MemAlign.Tests.PromptCache;

/// <summary>
/// The share of a judge version's prompt tokens that a provider can bill at its cached rate: the tokens of the longest
/// prefix identical across all its prompts, times the number of prompts, over all their tokens (counted with the
/// project's o200k_base <see cref="TokenCounter"/>). The messages are joined as a provider serialises them, in order.
/// </summary>
internal sealed record PromptCacheShare(string Judge, int Prompts, int PrefixTokens, long TotalTokens)
{
    /// <summary>OpenAI caches a prompt prefix automatically from this many tokens.</summary>
    public const int OpenAIMinimum = 1024;

    public double Share => TotalTokens == 0 ? 0 : (double)PrefixTokens * Prompts / TotalTokens;

    public bool ReachesOpenAIMinimum => PrefixTokens >= OpenAIMinimum;

    public static string Messages(string system, string user) => "system\n" + system + "\nuser\n" + user;

    public static PromptCacheShare Of(string judge, IReadOnlyList<string> prompts)
    {
        var prefix = prompts[0].Length;
        foreach (var prompt in prompts.Skip(1))
        {
            var same = 0;
            var limit = Math.Min(prefix, prompt.Length);
            while (same < limit && prompts[0][same] == prompt[same])
            {
                same++;
            }

            prefix = same;
        }

        // Only whole tokens match: the token that the first difference cuts is not counted.
        var prefixTokens = Math.Max(TokenCounter.Count(prompts[0][..prefix]) - 1, 0);
        return new(judge, prompts.Count, prefixTokens, prompts.Sum(p => (long)TokenCounter.Count(p)));
    }
}
