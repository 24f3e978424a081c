using System.Text.Json.Nodes;
using MemAlign;

namespace PubMedClassifier;

/// <summary>
/// The sample's labelled set, written for it: sentences from (imagined) medical abstracts, the label a
/// section classifier gave each, and an expert's verdict on that label with the section it belongs in; a
/// second reviewer also labelled each sentence's section, so the reviewers' agreement can be measured.
/// The classifier's typical slips are here: prior findings read as RESULTS, "we aimed to" read as METHODS,
/// interpreted findings read as RESULTS, and one label that is not a section at all.
/// </summary>
internal static class LabelledSentences
{
    // A second reviewer labelled every sentence's section too, and read these borderline ones differently.
    // Declared before the sentences: static fields initialise in order.
    private static readonly Dictionary<string, Section> SecondReviewerDiffers = new()
    {
        ["a04"] = Section.Objective,
        ["t08"] = Section.Results,
        ["t11"] = Section.Methods,
        ["t14"] = Section.Results,
        ["t16"] = Section.Results,
    };

    public static IReadOnlyList<Trace> Alignment { get; } =
    [
        Sentence("a01", "Previous trials have shown that statins reduced major vascular events in patients with diabetes.", "RESULTS", Section.Background, "it reports what earlier trials found"),
        Sentence("a02", "Hearing loss is one of the most common chronic conditions among older adults.", "BACKGROUND", Section.Background, "it sets out the problem"),
        Sentence("a03", "Earlier cohort studies reported higher rates of depression among night-shift nurses.", "RESULTS", Section.Background, "it summarises earlier studies, not this one"),
        Sentence("a04", "Little is known about how early antibiotic exposure shapes the infant gut microbiome.", "OBJECTIVE", Section.Background, "it names the gap in knowledge, not the study's aim"),
        Sentence("a05", "Sepsis remains a leading cause of death in intensive care units worldwide.", "BACKGROUND", Section.Background, "it sets out the problem"),
        Sentence("a06", "We aimed to determine whether mindfulness training lowers exam anxiety in medical students.", "METHODS", Section.Objective, "'we aimed to' states the study's aim"),
        Sentence("a07", "We sought to investigate the association between sleep duration and glycaemic control in adolescents.", "OBJECTIVE", Section.Objective, "'we sought to' states the study's aim"),
        Sentence("a08", "The aim of this study was to evaluate a shortened radiotherapy schedule in women over 70 with breast cancer.", "OBJECTIVE", Section.Objective, "it states the study's aim"),
        Sentence("a09", "Our objective was to compare two dosing schedules of oral iron in pregnant women with anaemia.", "OBJECTIVE", Section.Objective, "it states the study's objective"),
        Sentence("a10", "Patients were randomly assigned to apixaban or warfarin and followed for two years.", "METHODS", Section.Methods, "it describes the allocation"),
        Sentence("a11", "Blood pressure was measured at baseline and every three months using an automated cuff.", "RESULTS", Section.Methods, "it describes how an outcome was measured, not its values"),
        Sentence("a12", "To assess adherence, we counted the tablets returned at each clinic visit.", "OBJECTIVE", Section.Methods, "it describes a procedure, even though it opens with 'to assess'"),
        Sentence("a13", "Data were analysed with mixed-effects logistic regression adjusted for age and sex.", "METHODS", Section.Methods, "it describes the analysis"),
        Sentence("a14", "We performed a retrospective review of electronic records at a tertiary referral hospital.", "METHODS", Section.Methods, "it describes the design"),
        Sentence("a15", "Mortality at 90 days was 18% with early dialysis and 24% with standard care.", "RESULTS", Section.Results, "it reports measured outcomes"),
        Sentence("a16", "Of the 412 children enrolled, 387 completed the one-year follow-up.", "METHODS", Section.Results, "how many completed follow-up is a finding"),
        Sentence("a17", "Knee pain scores decreased by a mean of 2.1 points after eight weeks of physiotherapy.", "RESULTS", Section.Results, "it reports a measured change"),
        Sentence("a18", "Readmission rates were lower among heart failure patients with telemonitoring (11% vs 17%).", "CONCLUSIONS", Section.Results, "it reports measured rates without interpreting them"),
        Sentence("a19", "These findings suggest that nurse-led clinics are a safe alternative for managing stable asthma.", "CONCLUSIONS", Section.Conclusions, "'these findings suggest' interprets the results"),
        Sentence("a20", "Vitamin K supplementation significantly reduced arterial calcification and should be considered in dialysis patients.", "RESULTS", Section.Conclusions, "it recommends practice ('should be considered'), even though it mentions a significant effect"),
        Sentence("a21", "In conclusion, home-based cardiac rehabilitation is a cost-effective alternative to hospital programmes.", "CONCLUSIONS", Section.Conclusions, "it draws the conclusion"),
        Sentence("a22", "Our results indicate that early peanut introduction prevents allergy in high-risk infants.", "RESULTS", Section.Conclusions, "'our results indicate' interprets the findings"),
        Sentence("a23", "Topical ketoprofen was as effective as oral ibuprofen for ankle sprains, and we recommend it as first-line treatment.", "CONCLUSIONS", Section.Conclusions, "it recommends a treatment"),
        Sentence("a24", "Screening for atrial fibrillation may be worthwhile in adults over 75 who attend primary care.", "DISCUSSION", Section.Conclusions, "DISCUSSION is not one of the five labels"),
    ];

    public static IReadOnlyList<Trace> Test { get; } =
    [
        Sentence("t01", "Previous studies have shown that regular aspirin use reduced the incidence of colorectal cancer.", "RESULTS", Section.Background, "it reports what earlier studies found"),
        Sentence("t02", "Childhood obesity is associated with increased risk of hypertension in adulthood.", "BACKGROUND", Section.Background, "it states what is already known"),
        Sentence("t03", "Vitamin D deficiency is common in older adults living in care homes.", "CONCLUSIONS", Section.Background, "it sets out the problem"),
        Sentence("t04", "We aimed to describe patterns of opioid prescribing after dental extraction.", "METHODS", Section.Objective, "'we aimed to' states the study's aim"),
        Sentence("t05", "We sought to examine whether yoga improves balance in people with Parkinson's disease.", "OBJECTIVE", Section.Objective, "'we sought to' states the study's aim"),
        Sentence("t06", "The purpose of this trial was to test whether early mobilisation shortens hospital stay after stroke.", "OBJECTIVE", Section.Objective, "it states the trial's purpose"),
        Sentence("t07", "Participants were randomised to a low-sodium diet or their usual diet for 12 weeks.", "METHODS", Section.Methods, "it describes the allocation"),
        Sentence("t08", "Serum ferritin was measured before and after treatment using a chemiluminescence assay.", "RESULTS", Section.Methods, "it describes how an outcome was measured, not its values"),
        Sentence("t09", "Outcomes were compared between groups with the chi-squared test.", "METHODS", Section.Methods, "it describes the analysis"),
        Sentence("t10", "The intervention significantly reduced HbA1c compared with usual care (p < 0.01).", "RESULTS", Section.Results, "it reports a measured effect"),
        Sentence("t11", "Of the 250 adults enrolled, 231 completed all study visits.", "METHODS", Section.Results, "how many completed the study is a finding"),
        Sentence("t12", "No difference in quality of life was observed between the two groups.", "RESULTS", Section.Results, "it reports a finding"),
        Sentence("t13", "Median hospital stay was shorter after early mobilisation (4 vs 6 days).", "RESULTS", Section.Results, "it reports a measured outcome"),
        Sentence("t14", "Cognitive behavioural therapy significantly reduced insomnia severity and should be offered in primary care.", "RESULTS", Section.Conclusions, "it recommends practice ('should be offered'), even though it mentions a significant effect"),
        Sentence("t15", "These findings suggest that text-message reminders improve vaccination uptake in young adults.", "CONCLUSIONS", Section.Conclusions, "'these findings suggest' interprets the results"),
        Sentence("t16", "Lower doses of opioids after dental extraction appear sufficient for most patients.", "RESULTS", Section.Conclusions, "it interprets the findings for practice"),
    ];

    /// <summary>The expert's verdict on the classifier's label for <paramref name="trace"/>.</summary>
    public static Verdict? ExpertVerdict(Trace trace) =>
        trace.Assessments.Where(a => a.IsNamed(PubMedJudge.JudgeName) && a.Source.Type == AssessmentSourceType.Human)
            .Select(a => PubMedLabel.FromAssessment(a, trace.Id).Value).Cast<Verdict?>().FirstOrDefault();

    /// <summary>The expert who decides when the two reviewers disagree on a section.</summary>
    public const string Adjudicator = "pubmed_expert";

    /// <summary>The section the adjudicating expert says the sentence of <paramref name="trace"/> belongs in.</summary>
    public static Section ExpertSection(Trace trace) =>
        trace.Assessments.Where(a => a.IsNamed(AbstractSectionJudge.JudgeName) && a.Source.Id == Adjudicator).Select(a => SectionLabel.FromAssessment(a, trace.Id).Value).First();

    // Each sentence carries two expert labels: the verdict on the classifier's label, and the section itself.
    private static Trace Sentence(string id, string text, string predicted, Section section, string why)
    {
        var expected = section.ToString().ToUpperInvariant();
        var correct = predicted == expected;
        var reason = $"{char.ToUpperInvariant(why[0])}{why[1..]}, so it belongs in {expected}";
        var verdict = new PubMedLabel
        {
            TraceId = id,
            Value = correct ? Verdict.Yes : Verdict.No,
            Comment = $"{reason}{(correct ? "" : $", not {predicted}")}.",
            Reviewer = "pubmed_expert",
        };
        var sectionLabel = new SectionLabel { TraceId = id, Value = section, Comment = reason + ".", Reviewer = Adjudicator };
        var secondSection = SecondReviewerDiffers.GetValueOrDefault(id, section);
        var second = new SectionLabel { TraceId = id, Value = secondSection, Comment = $"On a second reading it belongs in {secondSection.ToString().ToUpperInvariant()}.", Reviewer = "second_reviewer" };
        return Trace.Create(id, text, new JsonObject { ["label"] = predicted })
            .WithAssessment(verdict.ToAssessment())
            .WithAssessment(sectionLabel.ToAssessment())
            .WithAssessment(second.ToAssessment());
    }
}
