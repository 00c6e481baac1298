using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>
/// The outcome of a hold-out: the fit on the fitting rows, its predictions for the held-out rows, and
/// the error measures on both sets.
/// </summary>
[ScalingLaws.Display.TypeFormatterSource(typeof(ScalingLaws.Display.NotebookFormatters))]
public sealed record HoldOutResult
{
    /// <summary>The law.</summary>
    public required IScalingLaw Law { get; init; }

    /// <summary>Target column.</summary>
    public required string Target { get; init; }

    /// <summary>The fit on the fitting rows.</summary>
    public required FitResult Fit { get; init; }

    /// <summary>Rows fitted on (0-based indices of the fitting table or data).</summary>
    public required ImmutableArray<int> FitRows { get; init; }

    /// <summary>Rows predicted (0-based indices of the test table or data; the same table unless two tables were given).</summary>
    public required ImmutableArray<int> TestRows { get; init; }

    /// <summary>Observed target of each held-out row, in the order of <see cref="TestRows"/>.</summary>
    public required ImmutableArray<double> Observed { get; init; }

    /// <summary>Predicted target of each held-out row, in the order of <see cref="TestRows"/>.</summary>
    public required ImmutableArray<double> Predicted { get; init; }

    /// <summary>Errors on the fitting rows (in-sample), with the fit's loss and space for the objective.</summary>
    public required PredictionMetrics FitMetrics { get; init; }

    /// <summary>Errors on the held-out rows (out-of-sample), with the fit's loss and space for the objective.</summary>
    public required PredictionMetrics TestMetrics { get; init; }

    /// <summary>Whether the fit converged (<see cref="FitResult.IsUsable"/>).</summary>
    public bool IsUsable => Fit.IsUsable;

    /// <summary>One line: law, target, rows, and the held-out MAE, MRE and RMSE.</summary>
    public string Summary()
    {
        var inv = CultureInfo.InvariantCulture;
        var t = TestMetrics;
        return $"{Law.Name} → {Target}: fitted on {FitRows.Length} rows ({(IsUsable ? "converged" : "NOT converged")}), predicted {TestRows.Length}: "
            + $"MAE {t.MeanAbsoluteError.ToString("G4", inv)}, MRE {(100 * t.MeanRelativeError).ToString("G4", inv)} %, RMSE {t.RootMeanSquareError.ToString("G4", inv)}"
            + $" (in-sample MAE {FitMetrics.MeanAbsoluteError.ToString("G4", inv)})";
    }
}
