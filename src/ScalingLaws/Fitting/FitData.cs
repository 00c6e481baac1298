using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

/// <summary>
/// The numbers a fit consumes: n rows of m variables (row-major), n observed targets and optional
/// per-row weights. Built from a <c>RunTable</c> by binding a law's variables to columns.
/// </summary>
public sealed class FitData
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[]? _weights;

    /// <summary>Creates fit data; arrays are copied.</summary>
    /// <param name="variables">Variable names, one per column of <paramref name="x"/>.</param>
    /// <param name="x">Row-major values, length n·m.</param>
    /// <param name="y">Observed targets, length n.</param>
    /// <param name="weights">Optional non-negative per-row weights wᵢ (residual scaled by √wᵢ).</param>
    /// <param name="target">Name of the target column, for messages.</param>
    public FitData(IEnumerable<string> variables, ReadOnlySpan<double> x, ReadOnlySpan<double> y,
        ReadOnlySpan<double> weights = default, string target = "y")
        : this(variables.ToImmutableArray(), x.ToArray(), y.ToArray(), weights.IsEmpty ? null : weights.ToArray(), target)
    {
    }

    /// <summary>Fit data over the given arrays, which it keeps (no copy): the caller must not change them afterwards.</summary>
    private FitData(ImmutableArray<string> variables, double[] x, double[] y, double[]? weights, string target)
    {
        Variables = variables;
        int m = Variables.Length;
        if (m == 0 ? x.Length != 0 : x.Length != (long)y.Length * m)
            throw new ArgumentException($"x has {x.Length} values; expected {y.Length} rows × {m} variables.", nameof(x));
        if (weights is not null && weights.Length != y.Length)
            throw new ArgumentException($"weights has {weights.Length} values; expected {y.Length}.", nameof(weights));
        _x = x;
        _y = y;
        _weights = weights;
        Target = target;
    }

    /// <summary>Fit data over arrays built for it, without copying them (they must not change afterwards).</summary>
    internal static FitData Adopt(IEnumerable<string> variables, double[] x, double[] y, double[]? weights, string target) =>
        new(variables.ToImmutableArray(), x, y, weights, target);

    /// <summary>Variable names in column order.</summary>
    public ImmutableArray<string> Variables { get; }

    /// <summary>Name of the target column.</summary>
    public string Target { get; }

    /// <summary>Number of rows n.</summary>
    public int Count => _y.Length;

    /// <summary>Number of variables m.</summary>
    public int VariableCount => Variables.Length;

    /// <summary>The m variable values of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Row(int row) => _x.AsSpan(row * Variables.Length, Variables.Length);

    /// <summary>All variable values, row-major.</summary>
    public ReadOnlySpan<double> X => _x;

    /// <summary>Observed targets.</summary>
    public ReadOnlySpan<double> Y => _y;

    /// <summary>Per-row weights, empty when all rows weigh 1.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>True when per-row weights were given.</summary>
    public bool HasWeights => _weights is not null;

    /// <summary>Values of one variable over all rows.</summary>
    public double[] Column(string variable)
    {
        int j = IndexOf(variable);
        var column = new double[Count];
        for (int i = 0; i < Count; i++) column[i] = _x[i * Variables.Length + j];
        return column;
    }

    /// <summary>The largest value of one variable over all rows, as <see cref="Enumerable.Max(IEnumerable{double})"/> finds it in <see cref="Column"/> (NaN only when every value is NaN).</summary>
    /// <exception cref="InvalidOperationException">There are no rows.</exception>
    public double Max(string variable)
    {
        int j = IndexOf(variable), m = Variables.Length;
        if (Count == 0) throw new InvalidOperationException("There are no rows.");
        double largest = _x[j];
        for (int i = 1; i < Count; i++)
        {
            double value = _x[i * m + j];
            if (value > largest || double.IsNaN(largest)) largest = value;
        }
        return largest;
    }

    /// <summary>The rows at <paramref name="indices"/> (repeats allowed, as in a bootstrap resample).</summary>
    public FitData Subset(ReadOnlySpan<int> indices)
    {
        int m = Variables.Length;
        var x = new double[indices.Length * m];
        var y = new double[indices.Length];
        var w = _weights is null ? null : new double[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            int i = indices[k];
            Array.Copy(_x, i * m, x, k * m, m);
            y[k] = _y[i];
            if (w is not null) w[k] = _weights![i];
        }
        return new FitData(Variables, x, y, w, Target);
    }

    private int IndexOf(string variable)
    {
        int j = Variables.IndexOf(variable);
        return j >= 0 ? j : throw new ArgumentException($"No variable '{variable}'.", nameof(variable));
    }
}
