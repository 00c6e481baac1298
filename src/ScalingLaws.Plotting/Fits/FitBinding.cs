using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Plotting.Fits;

/// <summary>A fit's variables and target read from a table, keeping the rows where all are finite.</summary>
internal sealed class FitBinding
{
    private FitBinding(FitResult fit, int[] rows, double[][] variables, double[] observed, double[] predicted)
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

    public static FitBinding Bind(FitResult fit, RunTable table, FitFigureOptions options)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(table);
        var law = fit.Law;
        var columns = law.Variables
            .Select(v => table.Numeric(options.ColumnMapping.TryGetValue(v, out var c) ? c : v))
            .ToArray();
        var target = table.Numeric(options.Target ?? fit.Target);
        var rows = new List<int>();
        for (int i = 0; i < table.RowCount; i++)
            if (double.IsFinite(target[i]) && columns.All(c => double.IsFinite(c[i]))) rows.Add(i);
        var variables = columns.Select(c => rows.Select(i => c[i]).ToArray()).ToArray();
        var observed = rows.Select(i => target[i]).ToArray();
        var predicted = new double[rows.Count];
        var x = new double[law.Variables.Length];
        for (int k = 0; k < rows.Count; k++)
        {
            for (int j = 0; j < x.Length; j++) x[j] = variables[j][k];
            predicted[k] = fit.Predict(x);
        }
        return new FitBinding(fit, [.. rows], variables, observed, predicted);
    }
}
