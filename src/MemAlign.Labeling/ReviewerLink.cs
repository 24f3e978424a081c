namespace MemAlign.Labeling;

/// <summary>The link one reviewer opens: the server's address with their access token.</summary>
/// <param name="Reviewer">Whose labels the link gives (the labels' source id).</param>
/// <param name="Url">The address to open, carrying the token; treat it as a password.</param>
public sealed record ReviewerLink(string Reviewer, Uri Url);
