using System.Globalization;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>How one variable of a law is set from the decision variables: a domain weight, the budget's N or D, or a constant.</summary>
/// <param name="Source">Where the value comes from.</param>
/// <param name="Domain">Index of the domain in <see cref="MixtureModel.Domains"/> for <see cref="VariableSource.Weight"/>; −1 otherwise.</param>
/// <param name="Value">The value for <see cref="VariableSource.Constant"/>; NaN otherwise.</param>
public sealed record VariableBinding(VariableSource Source, int Domain = -1, double Value = double.NaN)
{
    /// <summary>The variable is the weight of domain <paramref name="domain"/>.</summary>
    /// <param name="domain">Index into <see cref="MixtureModel.Domains"/>.</param>
    public static VariableBinding Weight(int domain) =>
        domain >= 0 ? new(VariableSource.Weight, domain) : throw new ArgumentOutOfRangeException(nameof(domain), domain, "A domain index must be ≥ 0.");

    /// <summary>The variable is the budget's model size N.</summary>
    public static VariableBinding ModelSize { get; } = new(VariableSource.ModelSize);

    /// <summary>The variable is the budget's training tokens D.</summary>
    public static VariableBinding Tokens { get; } = new(VariableSource.Tokens);

    /// <summary>The variable is held at <paramref name="value"/>.</summary>
    /// <param name="value">A finite value.</param>
    public static VariableBinding Constant(double value) =>
        double.IsFinite(value) ? new(VariableSource.Constant, Value: value)
        : throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"A constant variable must be finite (got {value})."));
}
