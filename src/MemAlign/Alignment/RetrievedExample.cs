namespace MemAlign;

/// <summary>An episodic example retrieved for one evaluation, with its cosine similarity to the trace being judged.</summary>
/// <param name="Example">The example.</param>
/// <param name="Similarity">Cosine similarity, from -1 to 1.</param>
public sealed record RetrievedExample(EpisodicExample Example, float Similarity);
