using System.Security.Claims;

namespace MemAlign.Labeling;

/// <summary>
/// What <see cref="LabelingEndpointRouteBuilderExtensions.MapMemAlignLabeling"/> serves in an ASP.NET Core host, and
/// whom it serves: the host signs people in, these say which reviewer each signed-in user labels as and who runs the session.
/// </summary>
public sealed record LabelingEndpointOptions : LabelingAppOptions
{
    /// <summary>
    /// The reviewer a signed-in user labels as; <see langword="null"/> or blank refuses them (403). Default: the
    /// user's <see cref="ClaimTypes.NameIdentifier"/> claim, else their identity's name. When the session names
    /// reviewers, only they may label; when it names none, every signed-in user labels as themselves.
    /// </summary>
    public Func<ClaimsPrincipal, string?> ReviewerOf { get; init; } = DefaultReviewerOf;

    /// <summary>
    /// Whether a signed-in user runs the session: they get the operator's view (each reviewer's progress, their agreement
    /// and the judge's against each) and label nothing. Default: no one (for example, <c>user =&gt; user.IsInRole("labeling-admin")</c>).
    /// </summary>
    public Func<ClaimsPrincipal, bool> IsOperator { get; init; } = static _ => false;

    private static string? DefaultReviewerOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? id : user.Identity?.Name;
}
