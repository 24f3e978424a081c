namespace MemAlign.OpenAI;

/// <summary>
/// Where OpenAI-compatible models are: an API key and an optional base URL (for Ollama, vLLM, LM Studio or
/// any OpenAI-compatible server). The library reads no environment variable: an application passes the
/// values it chose (the memalign tool and the samples read <see cref="ApiKeyVariable"/> and
/// <see cref="BaseUrlVariable"/>). <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class OpenAISettings
{
    /// <summary>The environment variable the memalign tool and the samples read the API key from.</summary>
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    /// <summary>The environment variable the memalign tool and the samples read the base URL from.</summary>
    public const string BaseUrlVariable = "OPENAI_BASE_URL";

    /// <summary>Creates settings.</summary>
    /// <param name="apiKey">The API key; may be omitted for a local server that needs none.</param>
    /// <param name="baseUrl">The server's base URL, such as <c>http://localhost:11434/v1</c>; <see langword="null"/> for OpenAI itself.</param>
    public OpenAISettings(string? apiKey, Uri? baseUrl = null)
    {
        ApiKey = string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
        BaseUrl = baseUrl;
        SecretRedactor = SecretRedactor.For(ApiKey);
    }

    /// <summary>The API key, if any.</summary>
    public string? ApiKey { get; }

    /// <summary>
    /// Masks the key. The clients <see cref="ModelProviders"/> creates carry it already; give it to
    /// <see cref="JudgeOptions.SecretRedactor"/> for clients you build from these settings yourself, and to
    /// whatever prints messages about them.
    /// </summary>
    public SecretRedactor SecretRedactor { get; }

    /// <summary>The base URL, or <see langword="null"/> for OpenAI's own.</summary>
    public Uri? BaseUrl { get; }

    /// <summary>Whether a model can be called: a key, or a base URL of a server that may need none.</summary>
    public bool IsConfigured => ApiKey is not null || BaseUrl is not null;

    /// <summary>Settings from text, as an application reads it from its configuration (blank means absent).</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="baseUrl">The base URL, an absolute http(s) URL.</param>
    /// <exception cref="ModelConfigurationException">The base URL is not an absolute http(s) URL.</exception>
    public static OpenAISettings Parse(string? apiKey, string? baseUrl)
    {
        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(baseUrl)
            && (!Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ModelConfigurationException($"The base URL '{baseUrl}' is not an absolute http(s) URL such as http://localhost:11434/v1.");
        }

        return new OpenAISettings(apiKey, uri);
    }

    /// <summary>Describes the settings without the key.</summary>
    public override string ToString() =>
        $"OpenAI ({(BaseUrl is null ? "api.openai.com" : BaseUrl.ToString())}, key {(ApiKey is null ? "not set" : "set")})";
}
