using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace MemAlign.Tests;

public class LocalEmbeddingGeneratorTests
{
    [Fact]
    public async Task Vectors_are_deterministic_normalised_and_of_the_configured_length()
    {
        using var generator = new LocalEmbeddingGenerator(256);

        var first = await generator.GenerateAsync(["The sweater looks different from the website."]);
        var second = await new LocalEmbeddingGenerator(256).GenerateAsync(["The sweater looks different from the website."]);

        var vector = first[0].Vector.ToArray();
        Assert.Equal(256, vector.Length);
        Assert.Equal(vector, second[0].Vector.ToArray());
        Assert.Equal(1f, TensorPrimitives.Norm(vector), 4);
        Assert.Equal(LocalEmbeddingGenerator.ModelName, first[0].ModelId);
    }

    [Fact]
    public void Related_texts_are_closer_than_unrelated_ones()
    {
        var generator = new LocalEmbeddingGenerator();
        var complaint = generator.Embed("I was charged twice for my subscription this month, this is frustrating");
        var similar = generator.Embed("Why was my subscription charged twice? So frustrating.");
        var unrelated = generator.Embed("Do you offer gift wrapping at checkout?");

        Assert.True(TensorPrimitives.CosineSimilarity(complaint, similar) > TensorPrimitives.CosineSimilarity(complaint, unrelated) + 0.2f);
    }

    [Fact]
    public void Word_forms_share_character_features()
    {
        var generator = new LocalEmbeddingGenerator();

        Assert.True(TensorPrimitives.CosineSimilarity(generator.Embed("refunds"), generator.Embed("refund")) > 0.3f);
    }

    [Fact]
    public async Task Empty_text_gives_a_zero_vector_and_per_call_dimensions_are_honoured()
    {
        using var generator = new LocalEmbeddingGenerator();

        Assert.All(generator.Embed(""), x => Assert.Equal(0f, x));
        var shorter = await generator.GenerateAsync(["hello"], new EmbeddingGenerationOptions { Dimensions = 64 });
        Assert.Equal(64, shorter[0].Vector.Length);
    }

    [Fact]
    public void Metadata_reports_model_and_dimensions()
    {
        using var generator = new LocalEmbeddingGenerator(128);

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal((LocalEmbeddingGenerator.ModelName, 128), (metadata!.DefaultModelId, metadata.DefaultModelDimensions!.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalEmbeddingGenerator(4));
    }
}
