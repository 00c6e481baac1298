namespace ScalingLaws.Fitting;

/// <summary>
/// One free parameter of a law: its name (as the paper writes it), box bounds, a default initial value
/// and a short description. Bounds may be infinite; <see cref="Initial"/> lies within them.
/// </summary>
/// <param name="Name">Parameter name, e.g. <c>alpha</c>.</param>
/// <param name="Lower">Lower bound (inclusive), <see cref="double.NegativeInfinity"/> for none.</param>
/// <param name="Upper">Upper bound (inclusive), <see cref="double.PositiveInfinity"/> for none.</param>
/// <param name="Initial">Default initial value used when no start is given for this parameter.</param>
/// <param name="Description">What the parameter means, with units when it has them.</param>
public sealed record ParameterSpec(
    string Name,
    double Lower = double.NegativeInfinity,
    double Upper = double.PositiveInfinity,
    double Initial = 1.0,
    string Description = "")
{
    /// <summary>True when both bounds are finite.</summary>
    public bool IsBounded => !double.IsInfinity(Lower) && !double.IsInfinity(Upper);

    /// <summary>Whether <paramref name="value"/> lies within [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
