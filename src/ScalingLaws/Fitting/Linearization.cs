namespace ScalingLaws.Fitting;

/// <summary>
/// The least-squares system LM works on, linearised at its current point θ and at one trial point:
/// the objective, J̃ (through its gradient J̃ᵀr̃, column norms and QR factor R) and Qᵀr̃, with r̃ and J̃
/// as defined by <see cref="ResidualEvaluator"/>. A trial point is evaluated with its Jacobian and
/// swapped in by <see cref="AcceptTrial"/>, since most trial steps are accepted. Two layouts:
/// <see cref="DenseLinearization"/> keeps the n × k Jacobian; <see cref="StreamedLinearization"/>
/// keeps only k × k and k-sized summaries, for many rows. No member allocates. Not thread-safe.
/// </summary>
internal abstract class Linearization
{
    private readonly int[] _columns;

    /// <summary>Prepares the system of <paramref name="evaluator"/>.</summary>
    protected Linearization(ResidualEvaluator evaluator)
    {
        Evaluator = evaluator;
        int k = evaluator.FreeCount;
        Triangular = new double[k * k];
        _columns = new int[k];
    }

    /// <summary>The residual and Jacobian evaluation.</summary>
    public ResidualEvaluator Evaluator { get; }

    /// <summary>R (ka × ka upper-triangular, row-major) of the last <see cref="Factorize"/>.</summary>
    public double[] Triangular { get; }

    /// <summary>Qᵀr̃ of the last <see cref="Factorize"/>: its first ka values.</summary>
    public abstract ReadOnlySpan<double> ProjectedResiduals { get; }

    /// <summary>Linearises at θ as the current point; returns the objective (NaN when the model is not finite).</summary>
    public abstract double Evaluate(ReadOnlySpan<double> theta);

    /// <summary>Linearises at θ as the trial point, leaving the current point as it is; returns the objective there.</summary>
    public abstract double EvaluateTrial(ReadOnlySpan<double> theta);

    /// <summary>Makes the trial point the current one.</summary>
    public abstract void AcceptTrial();

    /// <summary>‖r̃‖ at the current point.</summary>
    public abstract double ResidualNorm();

    /// <summary>True when every entry of J̃ at the current point is finite.</summary>
    public abstract bool JacobianIsFinite();

    /// <summary>The gradient g = J̃ᵀr̃ and the column norms ‖J̃ₐ‖ at the current point, k values each.</summary>
    public abstract void GradientAndColumnNorms(double[] gradient, double[] columnNorms);

    /// <summary>‖J̃ₐ‖² of column a at the current point.</summary>
    public abstract double ColumnNormSquared(int a);

    /// <summary>(J̃ᵀr̃)ₐ at the current point.</summary>
    public abstract double GradientEntry(int a);

    /// <summary>
    /// QR of the columns <paramref name="active"/>[0 … ka) of J̃ at the current point: R into
    /// <see cref="Triangular"/>, Qᵀr̃ into <see cref="ProjectedResiduals"/>.
    /// </summary>
    public abstract void Factorize(int[] active, int ka);

    /// <summary>
    /// Qᵀr̃(θ′) in the basis of the last <see cref="Factorize"/>, its first ka values, with r̃(θ′) scaled
    /// by the robust weights of the current point; false when the model is not finite at θ′.
    /// </summary>
    public abstract bool ProjectResidualsAt(ReadOnlySpan<double> theta, int ka, out ReadOnlySpan<double> projected);

    /// <summary>Σ|r̃ᵢ|·√ρ′ᵢ·√wᵢ·sizeᵢ at the current point (see <see cref="ResidualEvaluator.AddCostNoise"/>).</summary>
    public abstract double CostNoiseSum();

    /// <summary>Σ r̃ᵢ² at the current point, in row order.</summary>
    public abstract double ScaledResidualSumOfSquares();

    /// <summary>Rows whose robust weight ρ′(rᵢ²) at the current point is below ½ (√ρ′ below √½).</summary>
    public abstract int DownWeightedRows();

    /// <summary>
    /// The k′ × k′ upper-triangular R (row-major, a new array) of a QR of the columns
    /// <paramref name="columns"/> (indices among the free parameters) of J̃ at the current point.
    /// </summary>
    public double[] TriangularFactor(ReadOnlySpan<int> columns)
    {
        int count = columns.Length;
        columns.CopyTo(_columns);
        Factorize(_columns, count);
        var r = new double[count * count];
        for (int j = 0; j < count; j++)
            for (int c = j; c < count; c++) r[j * count + c] = Triangular[j * count + c];
        return r;
    }

    /// <summary>Rows whose robust scale √ρ′ is below √½, counted into <paramref name="count"/>.</summary>
    protected static int CountDownWeighted(ReadOnlySpan<double> robustScales, int count)
    {
        foreach (double scale in robustScales) if (scale * scale < 0.5) count++;
        return count;
    }
}
