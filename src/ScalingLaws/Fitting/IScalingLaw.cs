using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

/// <summary>
/// A parametric loss model f(θ; x): a formula in named variables x (bound to data columns by name)
/// and named parameters θ, with an exact gradient with respect to θ.
/// Implementations are immutable and thread-safe: the evaluation methods may be called concurrently.
/// </summary>
public interface IScalingLaw
{
    /// <summary>Catalogue name, e.g. <c>chinchilla</c>; <c>formula</c> for a user formula.</summary>
    string Name { get; }

    /// <summary>The model as text, in the formula language (e.g. <c>E + A/N^alpha + B/D^beta</c>).</summary>
    string Formula { get; }

    /// <summary>Names of the variables the law reads, in the order of the <c>x</c> spans.</summary>
    ImmutableArray<string> Variables { get; }

    /// <summary>Free parameters, in the order of the <c>parameters</c> spans.</summary>
    ImmutableArray<ParameterSpec> Parameters { get; }

    /// <summary>Where the law comes from (paper, year, equation), empty for user formulas.</summary>
    string Citation { get; }

    /// <summary>f(θ; x) for one data row.</summary>
    /// <param name="parameters">θ, one value per <see cref="Parameters"/> entry.</param>
    /// <param name="x">One value per <see cref="Variables"/> entry.</param>
    double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x);

    /// <summary>f(θ; x) and ∂f/∂θ for one data row (one row of the Jacobian).</summary>
    /// <param name="parameters">θ, one value per <see cref="Parameters"/> entry.</param>
    /// <param name="x">One value per <see cref="Variables"/> entry.</param>
    /// <param name="gradient">Receives ∂f/∂θⱼ; its length equals the parameter count.</param>
    double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>
    /// How the law is fitted by default (loss, residual space and starting points), following the
    /// paper that introduced it. <paramref name="data"/> lets starts depend on the observed values.
    /// </summary>
    FitRecipe DefaultRecipe(FitData data);
}
