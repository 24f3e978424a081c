namespace NotebookQuality;

/// <summary>A user's request to the notebook assistant, and what it implies for grading.</summary>
/// <param name="Text">The request as the user wrote it.</param>
/// <param name="DataIsComplete">The request says the data has no missing values, so imputation does not apply.</param>
/// <param name="WantsPredictions">The request asks for predictions, so model use applies.</param>
internal sealed record Request(string Text, bool DataIsComplete = false, bool WantsPredictions = true)
{
    /// <summary>The requests the evaluation set's notebooks answer, as in the Genie Code study.</summary>
    public static IReadOnlyList<Request> All { get; } =
    [
        new("I have airplane flight data in the tables flight_delays_prediction and flight_delays_actual. Can you predict which planes will be delayed tomorrow?"),
        new("Predict next month's sales for each store from the retail_sales table."),
        new("Build a churn model for the subscribers in customer_churn and score the current customers."),
        new("The table house_prices has no missing values. Predict the sale price of the homes in new_listings.", DataIsComplete: true),
        new("Compare a few classifiers on credit_defaults and tell me which one works best.", WantsPredictions: false),
        new("Forecast daily electricity demand for next week from grid_load."),
        new("The sensor_readings table is complete, with no missing values. Which machines are likely to fail this week?", DataIsComplete: true),
        new("Which campaign features matter most for conversions in campaign_results? Compare a couple of models.", WantsPredictions: false),
        new("Estimate the length of stay for the patients admitted today, using hospital_admissions."),
        new("Classify the support tickets in tickets by urgency and label the open ones."),
        new("Our wine_quality table has no missing values. Compare regression models for the quality score.", DataIsComplete: true, WantsPredictions: false),
        new("Predict which loan applications in applications will default."),
    ];
}
