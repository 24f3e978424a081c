using Microsoft.Extensions.Logging;

namespace MemAlign;

/// <summary>How a judge calls its model: retries, timeouts, temperature and logging.</summary>
public sealed record JudgeOptions
{
    /// <summary>The defaults.</summary>
    public static JudgeOptions Default { get; } = new();

    /// <summary>
    /// How many times an unusable reply (not JSON, a value off the scale, ...) is retried, with the
    /// validation error fed back to the model, before the verdict becomes an error. Default 2.
    /// </summary>
    public int MaxInvalidReplyRetries { get; init; } = 2;

    /// <summary>How many times a transient provider error (429, 5xx, timeout, dropped connection) is retried with backoff. Default 4.</summary>
    public int MaxTransientRetries { get; init; } = 4;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter. Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, including one a provider asks for with Retry-After. Default 60 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one model call may take before it counts as a transient failure. Default 2 minutes.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The sampling temperature asked of the model; <see langword="null"/> sends none, for models that reject the setting
    /// (reasoning models often accept only their default). Default 0. When a provider refuses a call because of it, the
    /// judge asks again without it, logs a warning once, and sends it no more.
    /// </summary>
    public float? Temperature { get; init; } = 0f;

    /// <summary>
    /// The output budget asked of the model, in tokens (reasoning models count their hidden reasoning in it);
    /// <see langword="null"/> leaves the provider's default. Default <see langword="null"/>.
    /// </summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>
    /// When a reply is empty or cut off because the model reached its output budget (finish reason <c>length</c>: a
    /// reasoning model can spend it all on hidden reasoning), ask once more with this larger budget. <see langword="null"/>
    /// (the default): no such retry; the trace gets a <see cref="JudgeErrorKind.OutputLimit"/> error naming the cause, never a default verdict.
    /// </summary>
    public int? MaxOutputTokensOnTruncation { get; init; }

    /// <summary>
    /// What a pairwise judge reports when its answers with the candidates in both orders differ: a tie (the default), or
    /// <see cref="Preference.Inconsistent"/>. Either way the verdict's <see cref="JudgeVerdict.Pairwise"/> holds both answers.
    /// </summary>
    public PairwiseInconsistency WhenInconsistent { get; init; } = PairwiseInconsistency.Tie;

    /// <summary>Where retries and failures are logged. Secrets are never logged (see <see cref="SecretRedactor"/>).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// Whether MemAlign's telemetry (<see cref="Telemetry.MemAlignTelemetry"/>) may record trace content: the prompt on a
    /// judge's span, the rationale on its <c>gen_ai.evaluation.result</c> event, an error's message. Default
    /// <see langword="false"/>: ids, values, models, tokens and timings only, as <c>OpenTelemetryChatClient</c> does.
    /// </summary>
    public bool EnableSensitiveTelemetryData { get; init; }

    /// <summary>
    /// Masks secrets in logs and error messages (default: none beyond what the client carries). The model's own
    /// redactor, when its client has one (MemAlign.OpenAI's do), is applied too; set this for clients of your own.
    /// </summary>
    public SecretRedactor SecretRedactor { get; init; } = SecretRedactor.None;

    /// <summary>The clock used for timestamps and latency; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = SystemClock.Default;

    internal void Validate()
    {
        static void NonNegative(int value, string name)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{nameof(JudgeOptions)}.{name} must be zero or more.");
            }
        }

        static void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{nameof(JudgeOptions)}.{name} must be positive.");
            }
        }

        NonNegative(MaxInvalidReplyRetries, nameof(MaxInvalidReplyRetries));
        NonNegative(MaxTransientRetries, nameof(MaxTransientRetries));
        Positive(RetryBaseDelay, nameof(RetryBaseDelay));
        Positive(MaxRetryDelay, nameof(MaxRetryDelay));
        Positive(RequestTimeout, nameof(RequestTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(SecretRedactor, nameof(SecretRedactor));
        if (!Enum.IsDefined(WhenInconsistent))
        {
            throw new ArgumentOutOfRangeException(nameof(WhenInconsistent), WhenInconsistent, $"{nameof(JudgeOptions)}.{nameof(WhenInconsistent)} must be Tie or Inconsistent.");
        }
        if (Temperature is { } t && (t < 0 || !float.IsFinite(t)))
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), t, $"{nameof(JudgeOptions)}.{nameof(Temperature)} must be zero or more.");
        }
    }
}
