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
