namespace ScalingLaws.Optimization.Continual;

/// <summary>
/// How much the general loss may rise during continual pre-training: absolute (L₀ + ε, the CMR paper's
/// form, default ε = 0.05 nats/token) or relative ((1 + T)·L₀, the D-CPT paper's form).
/// </summary>
public sealed record LossTolerance
{
    private LossTolerance(LossToleranceKind kind, double value)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(nameof(value), value,
                FormattableString.Invariant($"Loss tolerance must be a finite number ≥ 0 (got {value}); use e.g. 0.05 (absolute, nats/token) or 0.03 (relative, 3%)."));
        Kind = kind;
        Value = value;
    }

    /// <summary>ε = 0.05 nats/token, absolute: the value Gu et al. 2024 use ("we set ε = 0.05").</summary>
    public static LossTolerance Default { get; } = new(LossToleranceKind.Absolute, 0.05);

    /// <summary>Absolute or relative.</summary>
    public LossToleranceKind Kind { get; }

    /// <summary>ε in nats/token when absolute; T as a fraction (0.03 for 3%) when relative.</summary>
    public double Value { get; }

    /// <summary>Limit L₀ + <paramref name="epsilon"/>.</summary>
    /// <param name="epsilon">Allowed absolute rise of the general loss, nats/token, ≥ 0.</param>
    public static LossTolerance Absolute(double epsilon) => new(LossToleranceKind.Absolute, epsilon);

    /// <summary>Limit (1 + <paramref name="fraction"/>)·L₀.</summary>
    /// <param name="fraction">Allowed relative rise T of the general loss, e.g. 0.03 for 3%, ≥ 0.</param>
    public static LossTolerance Relative(double fraction) => new(LossToleranceKind.Relative, fraction);

    /// <summary>The largest allowed general loss for pre-training loss <paramref name="preTrainingLoss"/>.</summary>
    public double Limit(double preTrainingLoss) =>
        Kind == LossToleranceKind.Absolute ? preTrainingLoss + Value : (1 + Value) * preTrainingLoss;
}
