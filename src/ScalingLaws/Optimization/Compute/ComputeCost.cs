using ScalingLaws.Optimization.Solvers;

namespace ScalingLaws.Optimization.Compute;

/// <summary>
/// The training cost of a run of N parameters on D tokens: 6·N·D FLOPs by default (Kaplan et al.;
/// Hoffmann et al.), or a user-given function increasing in D.
/// </summary>
public sealed record ComputeCost
{
    private readonly Func<double, double, double>? _flops;

    private ComputeCost(string name, Func<double, double, double>? flops)
    {
        Name = name;
        _flops = flops;
    }

    /// <summary>C = 6·N·D.</summary>
    public static ComputeCost SixND { get; } = new("6ND", null);

    /// <summary>A user cost C = <paramref name="flops"/>(N, D), which must increase with D.</summary>
    /// <param name="name">Name for reports, e.g. <c>6ND + attention</c>.</param>
    /// <param name="flops">Cost of a run of N parameters on D tokens.</param>
    public static ComputeCost Custom(string name, Func<double, double, double> flops)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(flops);
        return new ComputeCost(name, flops);
    }

    /// <summary>Name for reports.</summary>
    public string Name { get; }

    /// <summary>Whether this is the default 6ND.</summary>
    public bool IsSixND => _flops is null;

    /// <summary>The cost of N parameters on D tokens.</summary>
    /// <param name="modelSize">N.</param>
    /// <param name="tokens">D.</param>
    public double Flops(double modelSize, double tokens) => _flops is null ? 6 * modelSize * tokens : _flops(modelSize, tokens);

    /// <summary>The tokens D with Flops(N, D) = C: C/(6N) for 6ND, otherwise by bracketing and Brent's root finder in log D. NaN when there is none.</summary>
    /// <param name="modelSize">N.</param>
    /// <param name="compute">C.</param>
    public double TokensFor(double modelSize, double compute)
    {
        double guess = compute / (6 * modelSize);
        if (_flops is null) return guess;
        double Gap(double logD) => Math.Log(_flops(modelSize, Math.Exp(logD))) - Math.Log(compute);
        double x = Math.Log(guess), g = Gap(x);
        if (g == 0) return guess;
        double step = g > 0 ? -Math.Log(10) : Math.Log(10);
        double y = x + step, gy = Gap(y);
        for (int i = 0; i < 80 && double.IsFinite(gy) && Math.Sign(gy) == Math.Sign(g); i++) { x = y; g = gy; y += step; gy = Gap(y); }
        if (!double.IsFinite(gy) || Math.Sign(gy) == Math.Sign(g)) return double.NaN;
        return Math.Exp(ScalarMinimizer.Zero(Gap, x, y, g, gy, 1e-15));
    }
}
