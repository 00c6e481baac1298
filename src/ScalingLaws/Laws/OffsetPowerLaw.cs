using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// y = a·x^s + b in one variable x, with a, s and b of either sign: the shape shared by the CMR laws
/// (<see cref="CmrRatioLaw"/>, <see cref="CmrTokensLaw"/>). Exact gradient; the recipe is least squares
/// on linear residuals from 10 exponent starts with a, b the least-squares line through (x^s, y).
/// </summary>
public abstract class OffsetPowerLaw : IScalingLaw
{
    private readonly ImmutableArray<string> _variables;

    /// <summary>A law named <paramref name="name"/> in <paramref name="variable"/> with parameters (a, s, b) = <paramref name="parameters"/>.</summary>
    /// <param name="name">Catalogue name.</param>
    /// <param name="variable">The variable x.</param>
    /// <param name="parameters">Amplitude a, exponent s and offset b, in that order.</param>
    /// <param name="citation">Source.</param>
    private protected OffsetPowerLaw(string name, string variable, ImmutableArray<ParameterSpec> parameters, string citation)
    {
        if (parameters.Length != 3) throw new ArgumentException("An offset power law has three parameters (a, s, b).", nameof(parameters));
        Name = name;
        _variables = [variable];
        Parameters = parameters;
        Citation = citation;
        Formula = $"{parameters[0].Name}*{variable}^{parameters[1].Name} + {parameters[2].Name}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary><c>a*x^s + b</c> in this law's names.</summary>
    public string Formula { get; }

    /// <inheritdoc />
    public ImmutableArray<string> Variables => _variables;

    /// <inheritdoc />
    public ImmutableArray<ParameterSpec> Parameters { get; }

    /// <inheritdoc />
    public string Citation { get; }

    /// <summary>a·x^s + b for θ = (a, s, b).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        return parameters[0] * Math.Pow(x[0], parameters[1]) + parameters[2];
    }

    /// <summary>a·x^s + b and its exact gradient (x^s, a·x^s·ln x, 1).</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        double power = LawMath.PowWithExponentDerivative(x[0], parameters[1], out double powerByS);
        gradient[0] = power;
        gradient[1] = parameters[0] * powerByS;
        gradient[2] = 1;
        return parameters[0] * power + parameters[2];
    }

    /// <summary>Least squares on linear residuals from 10 exponent starts with a, b fitted by a line.</summary>
    public FitRecipe DefaultRecipe(FitData data) =>
        new(SquaredLoss.Instance, ResidualSpace.Linear, OffsetPowerStarts.Build(data, this, Parameters[0].Name, Parameters[1].Name, Parameters[2].Name));
}
