using ScalingLaws.Fitting;

namespace ScalingLaws.Plotting.Compute;

/// <summary>A fitted law read along compute budgets: L(C, N) = f(N, C/(k·N), held…), and its minimum over N.</summary>
internal sealed class ComputeModel
{
    private readonly FitResult _fit;
    private readonly int _n, _d;
    private readonly double[] _template;

    public ComputeModel(FitResult fit, ComputeFigureOptions options)
    {
        ArgumentNullException.ThrowIfNull(fit);
        _fit = fit;
        K = options.FlopsPerParameterToken;
        if (!(K > 0) || !double.IsFinite(K))
            throw new ArgumentOutOfRangeException(nameof(options), K, "FlopsPerParameterToken must be positive and finite.");
        var variables = fit.Law.Variables;
        _n = variables.IndexOf(options.ParameterVariable);
        _d = variables.IndexOf(options.TokenVariable);
        if (_n < 0 || _d < 0)
            throw new ArgumentException(
                $"Law '{fit.Law.Name}' reads {string.Join(", ", variables)}; a compute figure needs the parameter variable " +
                $"'{options.ParameterVariable}' and the token variable '{options.TokenVariable}' (set ParameterVariable and TokenVariable).",
                nameof(fit));
        _template = new double[variables.Length];
        var missing = new List<string>();
        for (int j = 0; j < variables.Length; j++)
        {
            if (j == _n || j == _d) continue;
            if (options.Held.TryGetValue(variables[j], out double v)) _template[j] = v;
            else missing.Add(variables[j]);
        }
        if (missing.Count > 0)
            throw new ArgumentException(
                $"Law '{fit.Law.Name}' also reads {string.Join(", ", missing)}; give their values in Held.", nameof(options));
    }

    public double K { get; }

    public double Loss(double compute, double parameters)
    {
        var x = (double[])_template.Clone();
        x[_n] = parameters;
        x[_d] = compute / (K * parameters);
        return _fit.Predict(x);
    }

    /// <summary>The N that minimises the loss at <paramref name="compute"/>: a scan over 12 decades around √(C/k), then golden-section search in log N.</summary>
    public ComputeOptimalPoint Optimum(double compute)
    {
        if (!(compute > 0) || !double.IsFinite(compute))
            throw new ArgumentOutOfRangeException(nameof(compute), compute, "A compute budget must be positive and finite.");
        double center = 0.5 * Math.Log(compute / K);
        const int Steps = 480;
        double lo = center - 6 * Math.Log(10), hi = center + 6 * Math.Log(10);
        int best = -1;
        double bestLoss = double.PositiveInfinity;
        for (int i = 0; i <= Steps; i++)
        {
            double loss = Loss(compute, Math.Exp(lo + (hi - lo) * i / Steps));
            if (double.IsFinite(loss) && loss < bestLoss) { bestLoss = loss; best = i; }
        }
        if (best < 0) return new ComputeOptimalPoint(compute, double.NaN, double.NaN, double.NaN);
        double a = lo + (hi - lo) * Math.Max(best - 1, 0) / Steps, b = lo + (hi - lo) * Math.Min(best + 1, Steps) / Steps;
        double phi = (Math.Sqrt(5) - 1) / 2;
        double c = b - phi * (b - a), d = a + phi * (b - a);
        double fc = Loss(compute, Math.Exp(c)), fd = Loss(compute, Math.Exp(d));
        for (int iteration = 0; iteration < 200 && b - a > 1e-10; iteration++)
        {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - phi * (b - a); fc = Loss(compute, Math.Exp(c)); }
            else { a = c; c = d; fc = fd; d = a + phi * (b - a); fd = Loss(compute, Math.Exp(d)); }
        }
        double n = Math.Exp(0.5 * (a + b));
        double l = Loss(compute, n);
        if (!(l <= bestLoss)) { n = Math.Exp(lo + (hi - lo) * best / Steps); l = bestLoss; }
        return new ComputeOptimalPoint(compute, n, compute / (K * n), l);
    }
}
