using System.Collections.Immutable;
using System.Globalization;

namespace ScalingLaws.Fitting;

/// <summary>
/// A law with fixed parameter values: what the optimisers evaluate. Built from a <see cref="FitResult"/>
/// (implicitly, so a fit can be passed wherever a fitted law is expected) or from published values.
/// </summary>
public sealed record FittedLaw
{
    /// <summary>Creates a fitted law.</summary>
    /// <param name="law">The law.</param>
    /// <param name="parameters">One value per <see cref="IScalingLaw.Parameters"/> entry, in the law's order.</param>
    /// <param name="name">Name of the modelled loss (the fit's target column); default the law's name.</param>
    /// <exception cref="ArgumentException">The number of values differs from the law's parameter count, or a value is not finite.</exception>
    public FittedLaw(IScalingLaw law, IEnumerable<double> parameters, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(parameters);
        var values = parameters.ToImmutableArray();
        if (values.Length != law.Parameters.Length)
            throw new ArgumentException(
                $"Law '{law.Name}' has {law.Parameters.Length} parameters ({string.Join(", ", law.Parameters.Select(p => p.Name))}); got {values.Length} values.",
                nameof(parameters));
        for (int j = 0; j < values.Length; j++)
            if (!double.IsFinite(values[j]))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Parameter '{law.Parameters[j].Name}' of law '{law.Name}' is not finite ({values[j]})."), nameof(parameters));
        Law = law;
        Parameters = values;
        Name = string.IsNullOrEmpty(name) ? law.Name : name;
    }

    /// <summary>The law.</summary>
    public IScalingLaw Law { get; }

    /// <summary>Parameter values in the law's order.</summary>
    public ImmutableArray<double> Parameters { get; }

    /// <summary>Name of the modelled loss (the fit's target column, e.g. <c>loss_pile_cc</c>).</summary>
    public string Name { get; }

    /// <summary>The fitted law of a fit result, named by its target column.</summary>
    /// <param name="fit">A fit.</param>
    public static FittedLaw From(FitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return new FittedLaw(fit.Law, fit.Values, fit.Target);
    }

    /// <summary>The fitted law of a fit result (see <see cref="From"/>).</summary>
    /// <param name="fit">A fit.</param>
    public static implicit operator FittedLaw(FitResult fit) => From(fit);

    /// <summary>The same law with other parameter values (e.g. a bootstrap replicate).</summary>
    /// <param name="parameters">One value per parameter.</param>
    public FittedLaw WithParameters(IEnumerable<double> parameters) => new(Law, parameters, Name);

    /// <summary>The law's value at <paramref name="x"/> (variables in the law's order).</summary>
    /// <param name="x">One value per <see cref="IScalingLaw.Variables"/> entry.</param>
    public double Evaluate(ReadOnlySpan<double> x) => Law.Evaluate(Parameters.AsSpan(), x);

    /// <summary>The law's value with variables given by name.</summary>
    /// <param name="x">Variable name → value; every variable of the law must be present.</param>
    /// <exception cref="KeyNotFoundException">A variable is missing.</exception>
    public double Evaluate(IReadOnlyDictionary<string, double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var values = Law.Variables.Select(v => x.TryGetValue(v, out double d) ? d
            : throw new KeyNotFoundException($"No value for variable '{v}'; law '{Law.Name}' reads {string.Join(", ", Law.Variables)}.")).ToArray();
        return Evaluate(values);
    }

    /// <summary>A parameter value by name.</summary>
    /// <param name="name">Parameter name.</param>
    /// <exception cref="KeyNotFoundException">No such parameter.</exception>
    public double this[string name]
    {
        get
        {
            for (int j = 0; j < Law.Parameters.Length; j++)
                if (Law.Parameters[j].Name == name) return Parameters[j];
            throw new KeyNotFoundException($"Law '{Law.Name}' has no parameter '{name}'; its parameters are {string.Join(", ", Law.Parameters.Select(p => p.Name))}.");
        }
    }

    /// <summary>Index of a variable of the law, or −1.</summary>
    internal int IndexOfVariable(string name) => Law.Variables.IndexOf(name);
}
