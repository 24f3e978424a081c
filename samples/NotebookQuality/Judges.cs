using MemAlign;

namespace NotebookQuality;

/// <summary>The parts every notebook rubric shares: the judge's role, and where the request and notebook go.</summary>
internal static class NotebookRubric
{
    public const string Role = """
        You grade one dimension of a machine-learning notebook that an assistant wrote for a user's request.
        Score from 1 (poor) to 3 (good), or 0 when the dimension does not apply to this request.


        """;

    public const string Notebook = """


        User request:
        {{ inputs }}

        Notebook:
        {{ outputs }}

        Answer with the score and a short justification.
        """;
}

/// <summary>Installs and imports the right dependencies.</summary>
[Judge("library_installation", Model = "openai:/gpt-4.1-mini"), Scale(1, 3, NotApplicable = 0)]
[Rubric(NotebookRubric.Role + """
    Dimension: Library Installation. Installs and imports the right dependencies.
    3: installs (with versions where it matters) and imports every library the notebook uses, and nothing it does not.
    2: the imports are right, but something the notebook needs is never installed.
    1: installs the wrong libraries, or imports are missing or scattered through the notebook.
    0: not applicable.
    """ + NotebookRubric.Notebook)]
public partial class LibraryInstallationJudge : Judge<int>;

/// <summary>Explores distributions, missing values and the target before modelling.</summary>
[Judge("exploratory_data_analysis", Model = "openai:/gpt-4.1-mini"), Scale(1, 3, NotApplicable = 0)]
[Rubric(NotebookRubric.Role + """
    Dimension: Exploratory Data Analysis. Explores the dataset to understand distributions, missing values, target behaviour and issues that might affect the model.
    3: looks at distributions, missing values and the target, and the findings inform later steps.
    2: a superficial look (head, shape, describe) that says nothing about the target or missing values.
    1: no exploration before modelling.
    0: not applicable.
    """ + NotebookRubric.Notebook)]
public partial class ExploratoryDataAnalysisJudge : Judge<int>;

/// <summary>Handles missing values without leaking information.</summary>
[Judge("data_imputation", Model = "openai:/gpt-4.1-mini"), Scale(1, 3, NotApplicable = 0)]
[Rubric(NotebookRubric.Role + """
    Dimension: Data Imputation. Handles missing values appropriately without introducing data leakage.
    3: missing values are imputed with a method fitted on the training data only (for example inside a pipeline).
    2: missing values are handled, but in a way that leaks information or ignores what the values mean.
    1: missing values are ignored, or rows are dropped wholesale without checking how much data is lost.
    0: not applicable: the request says the data has no missing values.
    """ + NotebookRubric.Notebook)]
public partial class DataImputationJudge : Judge<int>;

/// <summary>Selects, transforms and encodes features suitably.</summary>
[Judge("feature_engineering", Model = "openai:/gpt-4.1-mini"), Scale(1, 3, NotApplicable = 0)]
[Rubric(NotebookRubric.Role + """
    Dimension: Feature Engineering. Selects, transforms and encodes features in a way that is appropriate for the task.
    3: encodes categories and scales numbers inside the training pipeline, and derives features the task calls for.
    2: workable encoding, but applied to the whole table before the split, or no derived features where they matter.
    1: throws away informative columns, or uses identifiers as features.
    0: not applicable.
    """ + NotebookRubric.Notebook)]
public partial class FeatureEngineeringJudge : Judge<int>;

/// <summary>Trains suitable models with sound practice.</summary>
[Judge("model_training", Model = "openai:/gpt-4.1-mini"), Scale(1, 3, NotApplicable = 0)]
[Rubric(NotebookRubric.Role + """
    Dimension: Model Training. Trains suitable models using sound practices such as cross-validation and hyperparameter tuning.
    3: a suitable model, tuned with cross-validation on the training split.
    2: a suitable model trained once with fixed settings.
    1: trains on all the data with nothing held out, or an unsuitable model.
    0: not applicable.
    """ + NotebookRubric.Notebook)]
public partial class ModelTrainingJudge : Judge<int>;

/// <summary>Reuses the trained model correctly for predictions.</summary>
[Judge("model_use", Model = "openai:/gpt-4.1-mini"), Scale(1, 3, NotApplicable = 0)]
[Rubric(NotebookRubric.Role + """
    Dimension: Model Use. Reuses the trained model correctly to generate predictions or perform inference.
    3: predicts on the data the user asked about, with the same preprocessing the model was trained with.
    2: predicts, but skips or repeats preprocessing incorrectly.
    1: never uses the model on the data the user asked about.
    0: not applicable: the request asks for a comparison, not for predictions.
    """ + NotebookRubric.Notebook)]
public partial class ModelUseJudge : Judge<int>;

/// <summary>Evaluates with metrics that suit the task.</summary>
[Judge("metrics_evaluation", Model = "openai:/gpt-4.1-mini"), Scale(1, 3, NotApplicable = 0)]
[Rubric(NotebookRubric.Role + """
    Dimension: Metrics Evaluation. Evaluates model performance using metrics that are useful for the ML task.
    3: metrics that suit the task and the class balance, on held-out data.
    2: a single metric that can mislead here (such as accuracy on an imbalanced target).
    1: reports the training score, or no metric at all.
    0: not applicable.
    """ + NotebookRubric.Notebook)]
public partial class MetricsEvaluationJudge : Judge<int>;

/// <summary>Tracks experiments with MLflow.</summary>
[Judge("mlflow_logging", Model = "openai:/gpt-4.1-mini"), Scale(1, 3, NotApplicable = 0)]
[Rubric(NotebookRubric.Role + """
    Dimension: MLflow Logging. Tracks experiments, metrics and artifacts with MLflow.
    3: parameters, metrics and the model are logged to an MLflow run.
    2: some tracking, but the model or the parameters are not logged.
    1: no MLflow tracking.
    0: not applicable.
    """ + NotebookRubric.Notebook)]
public partial class MlflowLoggingJudge : Judge<int>;

/// <summary>Structures the notebook into clear, documented cells.</summary>
[Judge("cell_organization", Model = "openai:/gpt-4.1-mini"), Scale(1, 3, NotApplicable = 0)]
[Rubric(NotebookRubric.Role + """
    Dimension: Cell Organization. Structures the notebook into clear, readable and well-documented cells.
    3: an overview states the goal and the steps, and each section explains what it does.
    2: some structure (a title, a list of sections) without explanation.
    1: code cells with no overview or explanation.
    0: not applicable.
    """ + NotebookRubric.Notebook)]
public partial class CellOrganizationJudge : Judge<int>;
