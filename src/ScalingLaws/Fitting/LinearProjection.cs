namespace ScalingLaws.Fitting;

/// <summary>
/// Variable projection of starting points (Golub and Pereyra's separation of linear parameters, used
/// at the start only): for a law with linearly entering parameters (<see cref="IPartlyLinearLaw"/>),
/// each start's free linear parameters θ_L are replaced by the minimiser of
/// Σᵢ wᵢ·(f₀ᵢ + Σ_j θ_j·φ_jᵢ − yᵢ)² within their bounds, the other parameters held at the start's values
/// (with log residuals, each row divided by yᵢ: log f − log y ≈ (f − y)/y). A random start then begins
/// with its level and amplitudes matched to the data instead of up to orders of magnitude off, which
/// is what makes few starts enough for the mixture laws. The bounded problem is solved exactly by
/// trying every assignment of the (at most <see cref="MaxLinear"/>) linear parameters to free, at lower
/// bound or at upper bound. A start whose model is not finite, or whose projection is singular, is left
/// as it was. Deterministic; each start depends only on itself.
/// </summary>
internal sealed class LinearProjection
{
    /// <summary>Most linear parameters projected (3^m assignments are tried).</summary>
    public const int MaxLinear = 6;

    private readonly FitProblem _problem;
    private readonly int[] _linear;
    private readonly double[] _weight, _lower, _upper;

    private LinearProjection(FitProblem problem, int[] linear)
    {
        _problem = problem;
        _linear = linear;
        var data = problem.Data;
        int n = data.Count;
        _weight = new double[n];
        var y = data.Y; var w = data.Weights;
        bool log = problem.Space == ResidualSpace.Log;
        for (int i = 0; i < n; i++) _weight[i] = (w.IsEmpty ? 1 : w[i]) / (log ? y[i] * y[i] : 1);
        _lower = linear.Select(j => problem.Lower[j]).ToArray();
        _upper = linear.Select(j => problem.Upper[j]).ToArray();
    }

    /// <summary>The projection of <paramref name="problem"/>'s starts, or null when its law declares no free linear parameters.</summary>
    public static LinearProjection? For(FitProblem problem)
    {
        if (problem.Law is not IPartlyLinearLaw partly) return null;
        var linear = partly.LinearParameters.ToArray().Where(j => !problem.IsFixed[j]).ToArray();
        return linear.Length == 0 || linear.Length > MaxLinear ? null : new LinearProjection(problem, linear);
    }

    /// <summary>Replaces the linear parameters of <paramref name="start"/> by their bounded least-squares values. Thread-safe.</summary>
    public void Apply(double[] start)
    {
        var law = _problem.Law;
        var data = _problem.Data;
        int n = data.Count, p = law.Parameters.Length, m = _linear.Length;
        var y = data.Y;
        var gradient = new double[p];
        var basis = new double[m * n];
        var offset = new double[n];
        var gram = new double[m * m];
        var right = new double[m];
        for (int i = 0; i < n; i++)
        {
            double f = law.EvaluateWithGradient(start, data.Row(i), gradient);
            double rest = f;
            for (int a = 0; a < m; a++)
            {
                basis[a * n + i] = gradient[_linear[a]];
                rest -= start[_linear[a]] * gradient[_linear[a]];
            }
            offset[i] = y[i] - rest;
            if (!double.IsFinite(f) || !double.IsFinite(rest)) return;
            for (int a = 0; a < m; a++) if (!double.IsFinite(basis[a * n + i])) return;
        }
        for (int a = 0; a < m; a++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += _weight[i] * basis[a * n + i] * offset[i];
            right[a] = sum;
            for (int b = 0; b <= a; b++)
            {
                double g = 0;
                for (int i = 0; i < n; i++) g += _weight[i] * basis[a * n + i] * basis[b * n + i];
                gram[a * m + b] = gram[b * m + a] = g;
            }
        }
        double constant = 0;
        for (int i = 0; i < n; i++) constant += _weight[i] * offset[i] * offset[i];
        var best = BoundedLeastSquares(gram, right, constant, _lower, _upper);
        if (best is null) return;
        for (int a = 0; a < m; a++) start[_linear[a]] = best[a];
    }

    /// <summary>
    /// argmin over lower ≤ θ ≤ upper of θᵀGθ − 2bᵀθ + c (the weighted RSS from its normal equations),
    /// by trying every assignment of each coordinate to free, lower or upper (infinite bounds skipped);
    /// null when no assignment gives a finite, feasible solution.
    /// </summary>
    internal static double[]? BoundedLeastSquares(double[] gram, double[] right, double constant, double[] lower, double[] upper)
    {
        int m = right.Length;
        int assignments = 1;
        for (int a = 0; a < m; a++) assignments *= 3;
        double[]? best = null;
        double bestValue = double.PositiveInfinity;
        var theta = new double[m];
        var freeIndex = new int[m];
        var system = new double[m * (m + 1)];
        for (int code = 0; code < assignments; code++)
        {
            int rest = code, free = 0;
            bool valid = true;
            for (int a = 0; a < m; a++, rest /= 3)
            {
                int state = rest % 3;
                if (state == 0) { freeIndex[free++] = a; theta[a] = 0; }
                else
                {
                    double bound = state == 1 ? lower[a] : upper[a];
                    if (!double.IsFinite(bound)) { valid = false; break; }
                    theta[a] = bound;
                }
            }
            if (!valid) continue;
            if (free > 0 && !SolveFree(gram, right, theta, freeIndex, free, system)) continue;
            bool feasible = true;
            for (int a = 0; a < m; a++) feasible &= double.IsFinite(theta[a]) && theta[a] >= lower[a] && theta[a] <= upper[a];
            if (!feasible) continue;
            double value = constant;
            for (int a = 0; a < m; a++)
            {
                value -= 2 * right[a] * theta[a];
                for (int b = 0; b < m; b++) value += theta[a] * gram[a * m + b] * theta[b];
            }
            if (value < bestValue) { bestValue = value; best = (double[])theta.Clone(); }
        }
        return best;
    }

    /// <summary>Solves G_FF·θ_F = b_F − G_FB·θ_B by Gaussian elimination with partial pivoting; false when singular.</summary>
    private static bool SolveFree(double[] gram, double[] right, double[] theta, int[] freeIndex, int free, double[] system)
    {
        int m = right.Length, width = free + 1;
        double scale = 0;
        for (int r = 0; r < free; r++)
        {
            int a = freeIndex[r];
            double rhs = right[a];
            for (int b = 0; b < m; b++)
                if (Array.IndexOf(freeIndex, b, 0, free) < 0) rhs -= gram[a * m + b] * theta[b];
            for (int c = 0; c < free; c++) system[r * width + c] = gram[a * m + freeIndex[c]];
            system[r * width + free] = rhs;
            scale = Math.Max(scale, Math.Abs(gram[a * m + a]));
        }
        for (int col = 0; col < free; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < free; r++)
                if (Math.Abs(system[r * width + col]) > Math.Abs(system[pivot * width + col])) pivot = r;
            if (!(Math.Abs(system[pivot * width + col]) > 1e-13 * scale)) return false;
            if (pivot != col)
                for (int c = 0; c < width; c++) (system[col * width + c], system[pivot * width + c]) = (system[pivot * width + c], system[col * width + c]);
            for (int r = col + 1; r < free; r++)
            {
                double factor = system[r * width + col] / system[col * width + col];
                for (int c = col; c < width; c++) system[r * width + c] -= factor * system[col * width + c];
            }
        }
        for (int r = free - 1; r >= 0; r--)
        {
            double sum = system[r * width + free];
            for (int c = r + 1; c < free; c++) sum -= system[r * width + c] * theta[freeIndex[c]];
            theta[freeIndex[r]] = sum / system[r * width + r];
        }
        return true;
    }
}
