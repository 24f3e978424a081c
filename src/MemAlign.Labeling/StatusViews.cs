namespace MemAlign.Labeling;

/// <summary>
/// The session's status as the page receives it: the totals, and the reviewers' rows (a reviewer gets their own only);
/// <paramref name="Agreement"/> and <paramref name="JudgeAgreement"/> for the operator only (<see langword="null"/> for reviewers).
/// </summary>
internal sealed record StatusView(
    string Session, string Judge, int Traces, int Complete, int Labels, int LabelsPerTrace,
    IReadOnlyList<ReviewerStatusView> Reviewers, object? Agreement, object? JudgeAgreement);

/// <summary>One reviewer's row of the status.</summary>
internal sealed record ReviewerStatusView(string Reviewer, int Labelled, int Remaining);
