using MemAlign;

namespace SentimentRatings;

/// <summary>How positive a word, emoticon or slang token is, on VADER's -4..+4 scale.</summary>
[Judge("sentiment")]
[Rubric("""
    How positive or negative is this word, emoticon or slang token in social-media text?

    Token: {{ inputs }}

    Answer with an integer from -4 (extremely negative) to 4 (extremely positive); 0 is neutral.
    """)]
[Scale(-4, 4)]
public partial class SentimentJudge : Judge<int>;
