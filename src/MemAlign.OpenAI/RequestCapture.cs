using System.ClientModel.Primitives;

namespace MemAlign.OpenAI;

/// <summary>
/// A pipeline step that takes the request body the OpenAI client built and sends nothing: a batch row is then the
/// very body a chat call sends (model, messages, response format, temperature), built by the same client code.
/// </summary>
internal sealed class RequestCapture : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) => throw Captured(message);

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) => throw Captured(message);

    private static CapturedRequestException Captured(PipelineMessage message)
    {
        using var body = new MemoryStream();
        message.Request.Content?.WriteTo(body);
        return new CapturedRequestException(message.Request.Uri?.AbsolutePath ?? "", body.ToArray());
    }
}

/// <summary>What <see cref="RequestCapture"/> took: thrown, so the client stops before the network.</summary>
internal sealed class CapturedRequestException(string path, byte[] body) : Exception("The request was captured for a batch, not sent.")
{
    public string Path { get; } = path;

    public byte[] Body { get; } = body;
}
