using MemAlign.OpenAI;
using MemAlign.Testing;
using Microsoft.Extensions.AI;
namespace MemAlign.Tests;

public class ModelProvidersTests
{
    [Theory]
    [InlineData("openai:/gpt-4.1-mini", "openai", "gpt-4.1-mini")]
    [InlineData("openai:gpt-4o", "openai", "gpt-4o")]
    [InlineData("OpenAI:/text-embedding-3-small", "openai", "text-embedding-3-small")]
    public void Model_ids_parse(string text, string provider, string name) =>
        Assert.Equal(new ModelId(provider, name), ModelId.Parse(text));

    [Theory]
    [InlineData("gpt-4")]
    [InlineData("openai:/")]
    [InlineData(":/gpt")]
    public void Malformed_model_ids_are_explained(string text) =>
        Assert.Contains("provider:/model", Assert.Throws<FormatException>(() => ModelId.Parse(text)).Message);

    [Fact]
    public void Unknown_provider_is_refused_with_what_to_do()
    {
        var e = Assert.Throws<ModelConfigurationException>(() => ModelProviders.CreateChatClient("anthropic:/claude", new OpenAISettings("sk-x")));

        Assert.Contains("'anthropic'", e.Message);
        Assert.Contains("IChatClient", e.Message);
    }

    [Fact]
    public void Missing_configuration_says_what_is_needed()
    {
        var e = Assert.Throws<ModelConfigurationException>(() => ModelProviders.CreateChatClient("openai:/gpt-4.1-mini", new OpenAISettings(null)));

        Assert.Contains("needs an API key (or the base URL of a local OpenAI-compatible server", e.Message);
    }

    [Theory]
    [InlineData("localhost:11434")]
    [InlineData("ftp://models.internal/v1")]
    public void A_base_url_that_is_not_absolute_http_is_refused_when_settings_are_parsed(string url)
    {
        var e = Assert.Throws<ModelConfigurationException>(() => OpenAISettings.Parse("sk-x", url));

        Assert.Contains($"'{url}' is not an absolute http(s) URL", e.Message);
        Assert.Equal(new Uri("http://127.0.0.1:11434/v1"), OpenAISettings.Parse(null, " http://127.0.0.1:11434/v1 ").BaseUrl);
        Assert.False(OpenAISettings.Parse(" ", null).IsConfigured);
    }

    [Fact]
    public void The_clients_created_carry_the_redactor_of_their_key_and_other_clients_none()
    {
        const string Key = "sk-carried-by-the-client-123456";
        var settings = new OpenAISettings(Key, new Uri("http://127.0.0.1:1/v1"));

        var chat = ModelProviders.CreateChatClient("openai:/gpt-4.1-mini", settings);
        using var embedder = ModelProviders.CreateEmbeddingGenerator("openai:/text-embedding-3-small", settings);

        Assert.Equal("key ***", chat.GetService<SecretRedactor>()!.Redact($"key {Key}"));
        Assert.Equal("key ***", embedder.GetService<SecretRedactor>()!.Redact($"key {Key}"));
        Assert.Equal("key ***", settings.SecretRedactor.Redact($"key {Key}"));
        Assert.Equal("gpt-4.1-mini", chat.GetService<ChatClientMetadata>()?.DefaultModelId); // the wrapper hides nothing else
        Assert.Null(new ScriptedChatClient().GetService<SecretRedactor>());
    }

    [Fact]
    public void Settings_never_show_the_key()
    {
        var settings = new OpenAISettings("sk-very-secret-key-123456", new Uri("http://127.0.0.1:1/v1"));

        Assert.DoesNotContain("sk-very-secret", settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("key set", settings.ToString());
    }

    [Fact]
    public void Embedding_generators_are_created_for_openai_models()
    {
        using var generator = ModelProviders.CreateEmbeddingGenerator("openai:/text-embedding-3-small", new OpenAISettings("sk-x"), 512);

        Assert.NotNull(generator);
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelProviders.CreateEmbeddingGenerator("openai:/text-embedding-3-small", new OpenAISettings("sk-x"), 0));
    }
}
