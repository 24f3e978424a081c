using System.Text;
using MemAlign;

namespace NotebookQuality;

/// <summary>
/// The evaluation set: notebooks the assistant wrote for the requests, each graded by an expert on all nine
/// dimensions (0 where a dimension does not apply), every third one by a second expert as well. The notebooks are assembled from the cells in
/// <see cref="Dimension.All"/> with a fixed seed, so every run sees the same set.
/// </summary>
internal static class EvaluationSet
{
    /// <summary>The expert who graded every notebook, and decides where the two graders differ.</summary>
    public const string LeadExpert = "ml_expert";

    private static readonly AssessmentSource Expert = AssessmentSource.Human(LeadExpert);

    // A second expert graded every third notebook too, and saw a quarter of the applicable grades one point differently.
    private static readonly AssessmentSource SecondExpert = AssessmentSource.Human("second_ml_expert");

    /// <summary>Builds <paramref name="count"/> graded notebooks, cycling through the requests.</summary>
    public static IReadOnlyList<Trace> Create(int count, int seed = 2026)
    {
        var random = new Random(seed);
        var secondOpinion = new Random(seed + 1); // its own draws, so the notebooks are the same with or without the second expert
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
                if (i % 3 == 0)
                {
                    var differs = secondOpinion.Next(4) == 0;
                    var score = differs ? (variant.Score == 3 ? 2 : variant.Score + 1) : variant.Score;
                    grades.Add(new Assessment(dimension.JudgeName, score, SecondExpert, differs ? "Graded one point differently." : variant.Reason));
                }
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
