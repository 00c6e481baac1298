using System.Globalization;

using ScalingLaws.Optimization.Continual;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// An upper limit on one predicted loss, e.g. the general loss during continual pre-training:
/// L ≤ (1 + T)·L₀ (D-CPT) or L ≤ L₀ + ε (CMR), or any fixed value.
/// </summary>
public sealed record LossConstraint
{
    private LossConstraint(string loss, double limit, double? reference, LossTolerance? tolerance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(loss);
        if (!double.IsFinite(limit))
            throw new ArgumentOutOfRangeException(nameof(limit), limit, string.Create(CultureInfo.InvariantCulture, $"The limit on loss '{loss}' must be finite (got {limit})."));
        Loss = loss;
        Limit = limit;
        Reference = reference;
        Tolerance = tolerance;
    }

    /// <summary>Name of the constrained loss.</summary>
    public string Loss { get; }

    /// <summary>The largest allowed value (nats/token).</summary>
    public double Limit { get; }

    /// <summary>L₀, the reference value the tolerance applies to; null for a fixed limit.</summary>
    public double? Reference { get; }

    /// <summary>The tolerance that set the limit; null for a fixed limit.</summary>
    public LossTolerance? Tolerance { get; }

    /// <summary>L ≤ <paramref name="limit"/>.</summary>
    /// <param name="loss">Loss name.</param>
    /// <param name="limit">Largest allowed value.</param>
    public static LossConstraint AtMost(string loss, double limit) => new(loss, limit, null, null);

    /// <summary>L ≤ tolerance.Limit(L₀): (1 + T)·L₀ for a relative tolerance, L₀ + ε for an absolute one.</summary>
    /// <param name="loss">Loss name.</param>
    /// <param name="reference">L₀, e.g. the general loss before continual pre-training or at a reference mixture.</param>
    /// <param name="tolerance">The allowed rise.</param>
    public static LossConstraint WithinTolerance(string loss, double reference, LossTolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        if (!double.IsFinite(reference))
            throw new ArgumentOutOfRangeException(nameof(reference), reference, string.Create(CultureInfo.InvariantCulture, $"The reference loss of '{loss}' must be finite (got {reference})."));
        return new(loss, tolerance.Limit(reference), reference, tolerance);
    }

    /// <summary>A description such as <c>loss_general ≤ 2.946 ((1 + 0.03)·2.8602)</c>.</summary>
    public string Describe()
    {
        if (Reference is double l0 && Tolerance is { } t)
            return t.Kind == LossToleranceKind.Relative
                ? FormattableString.Invariant($"{Loss} ≤ {Limit:G6} ((1 + {t.Value:G4})·{l0:G6})")
                : FormattableString.Invariant($"{Loss} ≤ {Limit:G6} ({l0:G6} + {t.Value:G4})");
        return FormattableString.Invariant($"{Loss} ≤ {Limit:G6}");
    }
}
