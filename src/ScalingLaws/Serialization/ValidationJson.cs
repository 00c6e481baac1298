using ScalingLaws.Serialization.Documents;
using ScalingLaws.Validation;

namespace ScalingLaws.Serialization;

/// <summary>
/// The one reader and writer of validations: a hold-out (<see cref="ValidationDocument"/>, <c>"kind": "validation"</c>, schema
/// <c>docs/schema/validation.schema.json</c>) and a k-fold cross-validation (<see cref="CrossValidationDocument"/>,
/// <c>"cross-validation"</c>, schema <c>docs/schema/cross-validation.schema.json</c>). Each fit inside is a complete saved fit
/// (<see cref="FitJson.ToDocument"/>). Writing what was read gives the same bytes.
/// </summary>
public static class ValidationJson
{
    /// <summary>The document of a hold-out validation.</summary>
    /// <param name="result">The validation.</param>
    public static ValidationDocument ToDocument(HoldOutResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ValidationDocument(SchemaVersion.Current, "validation", result.Target, Errors(result.FitMetrics), Errors(result.TestMetrics),
            FitJson.ToDocument(result.Fit, null, null));
    }

    /// <summary>The document of a k-fold cross-validation.</summary>
    /// <param name="result">The cross-validation.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static CrossValidationDocument ToDocument(CrossValidationResult result, int seed)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new CrossValidationDocument(SchemaVersion.Current, "cross-validation", result.Law.Name, result.Target, result.Folds.Length, seed,
            result.AllUsable, FoldMean(result), Errors(result.Pooled),
            [.. result.Folds.Select((f, i) => new CrossValidationFoldEntry(i + 1, Errors(f.FitMetrics), Errors(f.TestMetrics), f.TestRows,
                FitJson.ToDocument(f.Fit, null, null)))]);
    }

    /// <summary>The error measures of <paramref name="metrics"/>.</summary>
    /// <param name="metrics">The metrics.</param>
    public static ErrorMeasuresEntry Errors(PredictionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new(metrics.Count, metrics.MeanAbsoluteError, metrics.MeanRelativeError, metrics.RootMeanSquareError, metrics.RootMeanSquareLogError,
            metrics.RSquared, metrics.SpearmanRho);
    }

    /// <summary>
    /// The mean over folds of each held-out measure: (1/k) Σᵢ mᵢ for MAE, MRE, RMSE, RMSE of logs, R² and Spearman ρ; its n is the
    /// number of held-out rows over all folds.
    /// </summary>
    /// <param name="result">The cross-validation.</param>
    public static ErrorMeasuresEntry FoldMean(CrossValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var held = result.Folds.Select(f => f.TestMetrics).ToList();
        return new(held.Sum(m => m.Count), held.Average(m => m.MeanAbsoluteError), held.Average(m => m.MeanRelativeError),
            held.Average(m => m.RootMeanSquareError), held.Average(m => m.RootMeanSquareLogError), held.Average(m => m.RSquared), held.Average(m => m.SpearmanRho));
    }

    /// <summary>Serialises a hold-out validation document (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(ValidationDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.ValidationDocument);

    /// <summary>Reads a hold-out validation document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a validation document of this schema version (the message names both versions).</exception>
    public static ValidationDocument Read(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.ValidationDocument, "validation");

    /// <summary>Serialises a cross-validation document (indented).</summary>
    /// <param name="document">The document.</param>
    public static string WriteCrossValidation(CrossValidationDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.CrossValidationDocument);

    /// <summary>Reads a cross-validation document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a cross-validation document of this schema version (the message names both versions).</exception>
    public static CrossValidationDocument ReadCrossValidation(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.CrossValidationDocument, "cross-validation");
}
