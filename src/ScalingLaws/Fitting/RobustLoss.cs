using System.Globalization;

namespace ScalingLaws.Fitting;

/// <summary>
/// A robust loss ρ applied to each residual, with the Ceres / scipy convention: the objective is
/// Σᵢ ½·ρ(rᵢ²), where ρ(s) = s for the squared loss. Subclasses give ρ and ρ′ at s = r².
/// </summary>
public abstract record RobustLoss
{
    /// <summary>Returns ρ(s) and sets <paramref name="derivative"/> = ρ′(s), for s = r² ≥ 0.</summary>
    public abstract double Evaluate(double s, out double derivative);

    /// <summary>½·ρ(r²): the contribution of one residual to the objective.</summary>
    public double Cost(double r) => 0.5 * Evaluate(r * r, out _);

    /// <summary>Parses <c>l2</c>, <c>huber:δ</c>, <c>soft-l1:s</c> or <c>cauchy:s</c>.</summary>
    /// <exception cref="FormatException">The text names no known loss or has a bad scale.</exception>
    public static RobustLoss Parse(string text)
    {
        string t = text.Trim().ToLowerInvariant();
        if (t is "l2" or "squared" or "linear") return SquaredLoss.Instance;
        int colon = t.IndexOf(':');
        string name = colon < 0 ? t : t[..colon];
        bool known = name is "huber" or "soft-l1" or "soft_l1" or "softl1" or "cauchy";
        if (!known)
            throw new FormatException($"Unknown loss '{text.Trim()}'. Known losses: l2, huber:DELTA, soft-l1:SCALE, cauchy:SCALE.");
        if (colon < 0)
            throw new FormatException($"Loss '{text.Trim()}' needs a scale, e.g. '{name}:0.001'. Known losses: l2, huber:DELTA, soft-l1:SCALE, cauchy:SCALE.");
        string arg = t[(colon + 1)..];
        if (!double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out double scale) || !(scale > 0) || double.IsInfinity(scale))
            throw new FormatException($"Loss scale '{arg}' in '{text}' must be a positive number.");
        return name switch
        {
            "huber" => new HuberLoss(scale),
            "soft-l1" or "soft_l1" or "softl1" => new SoftL1Loss(scale),
            "cauchy" => new CauchyLoss(scale),
            _ => throw new FormatException($"Unknown loss '{text.Trim()}'. Known losses: l2, huber:DELTA, soft-l1:SCALE, cauchy:SCALE."),
        };
    }

    /// <summary>The text form accepted by <see cref="Parse"/>.</summary>
    public abstract string ToText();
}

/// <summary>ρ(s) = s: ordinary least squares; objective ½Σr².</summary>
public sealed record SquaredLoss : RobustLoss
{
    /// <summary>The single instance.</summary>
    public static SquaredLoss Instance { get; } = new();

    /// <inheritdoc />
    public override double Evaluate(double s, out double derivative) { derivative = 1; return s; }

    /// <inheritdoc />
    public override string ToText() => "l2";
}

/// <summary>
/// Huber loss with threshold δ: ½ρ(r²) = r²/2 for |r| ≤ δ and δ(|r| − δ/2) otherwise
/// (ρ(s) = s for s ≤ δ², 2δ√s − δ² beyond).
/// </summary>
/// <param name="Delta">Threshold δ &gt; 0 between the quadratic and linear regions.</param>
public sealed record HuberLoss(double Delta) : RobustLoss
{
    /// <inheritdoc />
    public override double Evaluate(double s, out double derivative)
    {
        if (s <= Delta * Delta) { derivative = 1; return s; }
        double r = Math.Sqrt(s);
        derivative = Delta / r;
        return 2 * Delta * r - Delta * Delta;
    }

    /// <inheritdoc />
    public override string ToText() => "huber:" + Delta.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// Soft-L1 loss with scale c: ρ(s) = 2c²(√(1 + s/c²) − 1), computed as 2s/(√(1 + s/c²) + 1) so that it
/// keeps full relative precision for residuals far below the scale.
/// </summary>
/// <param name="Scale">Scale c &gt; 0 of inlier residuals.</param>
public sealed record SoftL1Loss(double Scale) : RobustLoss
{
    /// <inheritdoc />
    public override double Evaluate(double s, out double derivative)
    {
        double c2 = Scale * Scale;
        double root = Math.Sqrt(1 + s / c2);
        derivative = 1 / root;
        return 2 * s / (root + 1);
    }

    /// <inheritdoc />
    public override string ToText() => "soft-l1:" + Scale.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// Cauchy loss with scale c: ρ(s) = c²·ln(1 + s/c²), with ln(1 + z) computed accurately for small z
/// (ln u · z/(u − 1), u = 1 + z rounded) so that residuals far below the scale keep full relative precision.
/// </summary>
/// <param name="Scale">Scale c &gt; 0 of inlier residuals.</param>
public sealed record CauchyLoss(double Scale) : RobustLoss
{
    /// <inheritdoc />
    public override double Evaluate(double s, out double derivative)
    {
        double c2 = Scale * Scale;
        double z = s / c2, u = 1 + z;
        derivative = 1 / u;
        return u == 1 ? s : s * (Math.Log(u) / (u - 1));
    }

    /// <inheritdoc />
    public override string ToText() => "cauchy:" + Scale.ToString("R", CultureInfo.InvariantCulture);
}
