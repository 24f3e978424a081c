using Microsoft.AspNetCore.Http;

namespace MemAlign.Labeling;

/// <summary>
/// Who a request past the gate is, as the app's endpoints read it: a reviewer (labels as that name) or the operator
/// (sees everyone's progress, labels nothing). Set by the server's token gate or by the host's sign-in.
/// </summary>
internal static class LabelingIdentity
{
    private const string ReviewerItem = "memalign.reviewer";
    private const string OperatorItem = "memalign.operator";

    /// <summary>The reviewer the request labels as; <see langword="null"/> for the operator.</summary>
    public static string? ReviewerOf(HttpContext context) => context.Items[ReviewerItem] as string;

    /// <summary>Whether the request is the operator's.</summary>
    public static bool IsOperator(HttpContext context) => context.Items.ContainsKey(OperatorItem);

    public static void SetReviewer(HttpContext context, string reviewer) => context.Items[ReviewerItem] = reviewer;

    public static void SetOperator(HttpContext context) => context.Items[OperatorItem] = true;
}
