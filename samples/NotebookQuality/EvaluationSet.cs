using System.Text;
using MemAlign;

namespace NotebookQuality;

/// <summary>
/// The evaluation set: notebooks the assistant wrote for the requests, each graded by experts on all nine
/// dimensions (0 where a dimension does not apply). The notebooks are assembled from the cells in
/// <see cref="Dimension.All"/> with a fixed seed, so every run sees the same set.
/// </summary>
internal static class EvaluationSet
{
    private static readonly AssessmentSource Expert = AssessmentSource.Human("ml_expert");

    /// <summary>Builds <paramref name="count"/> graded notebooks, cycling through the requests.</summary>
    public static IReadOnlyList<Trace> Create(int count, int seed = 2026)
    {
        var random = new Random(seed);
        var notebooks = new List<Trace>(count);
        for (var i = 0; i < count; i++)
        {
            var request = Request.All[i % Request.All.Count];
            var text = new StringBuilder();
            var grades = new List<Assessment>();
            foreach (var dimension in Dimension.All)
            {
                if (!dimension.Applies(request))
                {
                    grades.Add(new Assessment(dimension.JudgeName, 0, Expert, dimension.NotApplicableReason));
                    continue;
                }

                var variant = Pick(dimension.Variants, random);
                if (variant.Cell is not null)
                {
                    text.Append("## ").Append(dimension.Heading).Append('\n').Append(variant.Cell).Append("\n\n");
                }

                grades.Add(new Assessment(dimension.JudgeName, variant.Score, Expert, variant.Reason));
            }

            var notebook = Trace.Create($"notebook-{i + 1:00}", request.Text, text.ToString().TrimEnd());
            notebooks.Add(grades.Aggregate(notebook, (trace, grade) => trace.WithAssessment(grade)));
        }

        return notebooks;
    }

    private static CellVariant Pick(IReadOnlyList<CellVariant> variants, Random random)
    {
        var ticket = random.Next(variants.Sum(v => v.Weight));
        foreach (var variant in variants)
        {
            ticket -= variant.Weight;
            if (ticket < 0)
            {
                return variant;
            }
        }

        throw new InvalidOperationException("Weights are positive, so a variant is always picked.");
    }
}
