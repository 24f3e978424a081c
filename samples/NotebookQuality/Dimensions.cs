namespace NotebookQuality;

/// <summary>One way a notebook can handle a dimension: the cell it writes (null: none) and the experts' score and reason.</summary>
/// <param name="Score">The experts' score, 1 to 3.</param>
/// <param name="Cell">The cell's body, or null when the notebook has no such cell.</param>
/// <param name="Reason">The experts' justification.</param>
/// <param name="Weight">How often the assistant writes it, relative to the dimension's other cells.</param>
internal sealed record CellVariant(int Score, string? Cell, string Reason, int Weight);

/// <summary>One of the nine graded dimensions: its judge, its cell's heading, and the ways notebooks handle it.</summary>
/// <param name="JudgeName">The judge that grades it.</param>
/// <param name="Heading">The markdown heading of its cell in a notebook.</param>
/// <param name="Variants">The ways the assistant handles it.</param>
/// <param name="Applies">Whether it applies to a request (when it does not, the experts score 0).</param>
internal sealed record Dimension(string JudgeName, string Heading, IReadOnlyList<CellVariant> Variants, Func<Request, bool> Applies)
{
    /// <summary>The nine dimensions of the Genie Code study, in the order its notebooks follow.</summary>
    public static IReadOnlyList<Dimension> All { get; } =
    [
        new(CellOrganizationJudge.JudgeName, "Overview",
        [
            new(3, "Goal: answer the request with a tested model.\nSteps: 1. setup, 2. exploration, 3. preparation, 4. training, 5. evaluation, 6. predictions; each section starts with what it does and why.", "States the goal and the steps, and every section explains itself.", 3),
            new(2, "Notebook for the request.", "A title, but nothing about the steps.", 3),
            new(2, "Sections: setup, training, evaluation.", "Lists sections without saying what they do or why.", 1),
            new(1, null, "No overview and no explanations: just code cells.", 3),
        ], _ => true),
        new(LibraryInstallationJudge.JudgeName, "Library Installation",
        [
            new(3, "%pip install xgboost==2.0.3 mlflow==2.16.0\nimport pandas as pd\nimport xgboost as xgb\nimport mlflow", "Pins and installs what it uses and imports it up front.", 6),
            new(3, "%pip install lightgbm scikit-learn mlflow\nimport pandas as pd\nfrom lightgbm import LGBMClassifier", "Installs and imports everything it uses.", 3),
            new(2, "import pandas as pd\nimport xgboost as xgb  # assumes xgboost is installed", "The imports are right, but xgboost is never installed.", 1),
            new(1, "%pip install tensorflow torch keras\nimport pandas as pd", "Installs heavy libraries it never uses and misses the ones it does.", 1),
        ], _ => true),
        new(ExploratoryDataAnalysisJudge.JudgeName, "Exploratory Data Analysis",
        [
            new(3, "df.describe(include='all')\ndf.isna().mean().sort_values()\ndf['target'].value_counts(normalize=True)\nsns.histplot(df['target'])", "Looks at distributions, missing values and the target.", 3),
            new(2, "df.head()\ndf.describe()", "Only a glance: nothing on missing values or the target.", 3),
            new(2, "df.info()\nprint(df.shape)", "Types and size only; nothing on the target.", 2),
            new(1, null, "No exploration before modelling.", 3),
        ], _ => true),
        new(DataImputationJudge.JudgeName, "Data Imputation",
        [
            new(3, "imputer = SimpleImputer(strategy='median')\npipeline = Pipeline([('impute', imputer), ('model', model)])\npipeline.fit(X_train, y_train)", "Median imputation fitted on the training split inside the pipeline: no leakage.", 3),
            new(2, "df = df.fillna(df.mean(numeric_only=True))\nX_train, X_test, y_train, y_test = train_test_split(X, y)", "Fills with the mean of the whole table before the split, which leaks the test rows.", 2),
            new(2, "df['income'] = df['income'].fillna(0)", "Fills one column with zero without asking what zero means there.", 2),
            new(1, "df = df.dropna()", "Drops every row with a missing value without checking how much data is lost.", 3),
        ], r => !r.DataIsComplete),
        new(FeatureEngineeringJudge.JudgeName, "Feature Engineering",
        [
            new(3, "preprocess = ColumnTransformer([('cat', OneHotEncoder(handle_unknown='ignore'), categorical), ('num', StandardScaler(), numeric)])\ndf['day_of_week'] = df['date'].dt.dayofweek", "Encodes and scales inside the pipeline and derives a feature the task needs.", 3),
            new(2, "X = pd.get_dummies(df.drop(columns='target'))", "One-hot encodes the whole table before the split; no derived features.", 3),
            new(1, "X = df.select_dtypes('number').drop(columns='target')", "Silently drops every categorical column.", 2),
            new(1, "X = df.drop(columns='target')\nX['row_id'] = X['row_id'].astype(float)", "Uses the row id as a feature.", 1),
        ], _ => true),
        new(ModelTrainingJudge.JudgeName, "Model Training",
        [
            new(3, "search = GridSearchCV(model, {'max_depth': [3, 5, 7], 'n_estimators': [200, 400]}, cv=5)\nsearch.fit(X_train, y_train)", "Cross-validated hyperparameter search on the training split.", 3),
            new(2, "model = xgb.XGBClassifier()\nmodel.fit(X_train, y_train)", "A suitable model with default settings and no validation.", 3),
            new(2, "model = RandomForestClassifier(n_estimators=50)\nmodel.fit(X_train, y_train)", "One untuned model and no cross-validation.", 1),
            new(1, "model.fit(X, y)", "Trains on all the data: nothing is held out.", 2),
        ], _ => true),
        new(ModelUseJudge.JudgeName, "Model Use",
        [
            new(3, "model = mlflow.pyfunc.load_model(model_uri)\npredictions = model.predict(new_data)", "Loads the logged model and predicts on the data the user asked about.", 5),
            new(3, "predictions = pipeline.predict(new_data)\npredictions.to_csv('predictions.csv')", "Predicts with the whole pipeline and saves the predictions.", 2),
            new(2, "predictions = model.predict(new_data)  # raw columns", "Predicts, but skips the preprocessing the model was trained with.", 1),
            new(1, "# TODO: score the new data", "Never uses the model on the data the user asked about.", 1),
        ], r => r.WantsPredictions),
        new(MetricsEvaluationJudge.JudgeName, "Metrics Evaluation",
        [
            new(3, "print(roc_auc_score(y_test, proba), f1_score(y_test, pred))\nConfusionMatrixDisplay.from_predictions(y_test, pred)", "Metrics that suit the task, on held-out data.", 6),
            new(2, "print(accuracy_score(y_test, pred))", "Accuracy alone, on an imbalanced target.", 2),
            new(1, "print(model.score(X_train, y_train))", "Reports the training score only.", 1),
        ], _ => true),
        new(MlflowLoggingJudge.JudgeName, "MLflow Logging",
        [
            new(3, "with mlflow.start_run():\n    mlflow.log_params(params)\n    mlflow.log_metrics(metrics)\n    mlflow.sklearn.log_model(model, 'model')", "Logs parameters, metrics and the model.", 6),
            new(3, "mlflow.autolog()", "Autologging records parameters, metrics and the model.", 2),
            new(2, "mlflow.log_metric('auc', auc)", "Logs one metric, outside a run, and no model.", 1),
            new(1, null, "No MLflow tracking at all.", 1),
        ], _ => true),
    ];

    /// <summary>The reason experts give when the dimension does not apply.</summary>
    public string NotApplicableReason => $"Not applicable: {Heading.ToLowerInvariant()} is not part of this request.";
}
