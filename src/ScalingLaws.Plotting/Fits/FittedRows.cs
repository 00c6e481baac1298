using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Plotting.Fits;

/// <summary>
/// A fit evaluated on a table: the rows <see cref="TableBinding"/> keeps under <see cref="MissingValuePolicy.DropRow"/>
/// (the library's one binding and missing-value rule), with their variables, observed and predicted losses.
/// </summary>
internal sealed class FittedRows
{
    private FittedRows(FitResult fit, int[] rows, double[][] variables, double[] observed, double[] predicted)
    {
        Fit = fit;
        Rows = rows;
        Variables = variables;
        Observed = observed;
        Predicted = predicted;
    }

    public FitResult Fit { get; }

    /// <summary>Indices of the kept rows in the table.</summary>
    public int[] Rows { get; }

    /// <summary>Per law variable, its values on the kept rows.</summary>
    public double[][] Variables { get; }

    public double[] Observed { get; }

    public double[] Predicted { get; }

    public int Count => Rows.Length;

    public double[] Variable(string name)
    {
        int j = Fit.Law.Variables.IndexOf(name);
        if (j < 0)
            throw new ArgumentException(
                $"'{name}' is not a variable of law '{Fit.Law.Name}' (variables: {string.Join(", ", Fit.Law.Variables)}).", nameof(name));
        return Variables[j];
    }

    /// <summary>Residuals in the fit's residual space: ln(predicted/observed) for log fits, predicted − observed otherwise.</summary>
    public double[] Residuals() => Observed.Zip(Predicted, (y, f) => Fit.Space == ResidualSpace.Log ? Math.Log(f / y) : f - y).ToArray();

    public static FittedRows Bind(FitResult fit, RunTable table, FitFigureOptions options)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(table);
        var law = fit.Law;
        string target = options.Target ?? fit.Target;
        var rows = table.UsableRows(law.Variables, target, options.ColumnMapping, missing: MissingValuePolicy.DropRow);
        var predicted = new double[rows.Length];
        var variables = law.Variables.Select(_ => new double[rows.Length]).ToArray();
        var observed = new double[rows.Length];
        if (rows.Length > 0)
        {
            var data = table.Where(rows).ToFitData(law.Variables, target, options.ColumnMapping);
            predicted = fit.Predict(data);
            for (int k = 0; k < rows.Length; k++)
            {
                var x = data.Row(k);
                for (int j = 0; j < variables.Length; j++) variables[j][k] = x[j];
                observed[k] = data.Y[k];
            }
        }
        return new FittedRows(fit, [.. rows], variables, observed, predicted);
    }
}
