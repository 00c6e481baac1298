using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

/// <summary>
/// The outcome of a fit: the best start's parameters with standard errors and bound states, why it
/// stopped, the objective Σ ½ρ(rᵢ²), statistics, covariance (or why it is unavailable), how the
/// multi-start went, and the options that reproduce it. Failures are states here, not exceptions.
/// </summary>
[ScalingLaws.Display.TypeFormatterSource(typeof(ScalingLaws.Display.NotebookFormatters))]
public sealed record FitResult
{
    /// <summary>The law that was fitted.</summary>
    public required IScalingLaw Law { get; init; }

    /// <summary>Target column name.</summary>
    public required string Target { get; init; }

    /// <summary>Fitted parameters in the law's order.</summary>
    public required ImmutableArray<FittedParameter> Parameters { get; init; }

    /// <summary>Why the best start stopped.</summary>
    public required Termination Termination { get; init; }

    /// <summary>Σᵢ ½·ρ(rᵢ²) at the solution (for Huber: Σ r²/2 inside δ, δ(|r| − δ/2) outside).</summary>
    public required double Objective { get; init; }

    /// <summary>Goodness of fit.</summary>
    public required FitStatistics Statistics { get; init; }

    /// <summary>Parameter covariance, or the reason it is unavailable.</summary>
    public required ParameterCovariance Covariance { get; init; }

    /// <summary>Multi-start summary.</summary>
    public required StartSummary Starts { get; init; }

    /// <summary>Trial steps taken by the best start.</summary>
    public required int Iterations { get; init; }

    /// <summary>Wall time of the whole fit.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Loss used.</summary>
    public required RobustLoss Loss { get; init; }

    /// <summary>Residual space used.</summary>
    public required ResidualSpace Space { get; init; }

    /// <summary>Options as given (with the resolved loss, space and starts, so the fit can be reproduced).</summary>
    public required FitOptions Options { get; init; }

    /// <summary>Things a user should look at: parameters at bounds or left at their start, strong correlations.</summary>
    public ImmutableArray<string> Warnings { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// The distinct end points of the fit's starts that ran to the end, lowest objective first (the first is
    /// <see cref="Parameters"/>): where a refit on other rows of the data starts (<see cref="LevenbergMarquardt.Refit"/>).
    /// Empty for a fit read back from a file.
    /// </summary>
    internal ImmutableArray<ImmutableArray<double>> Optima { get; init; } = [];

    /// <summary>The nested law's fit made on the way (<see cref="INestedLaw"/>), or null.</summary>
    internal FitResult? NestedFit { get; init; }

    /// <summary>True when the best start converged to a finite objective.</summary>
    public bool IsUsable => Termination.IsConverged() && double.IsFinite(Objective);

    /// <summary>The fitted parameter vector in the law's order.</summary>
    public ImmutableArray<double> Values => Parameters.Select(p => p.Value).ToImmutableArray();

    /// <summary>A fitted parameter by name.</summary>
    /// <exception cref="KeyNotFoundException">No such parameter.</exception>
    public FittedParameter this[string name] =>
        Parameters.FirstOrDefault(p => p.Name == name)
        ?? throw new KeyNotFoundException($"No parameter '{name}'; the parameters are {string.Join(", ", Parameters.Select(p => p.Name))}.");

    /// <summary>The fitted model at one point, variables in the law's order.</summary>
    public double Predict(ReadOnlySpan<double> x)
    {
        Span<double> theta = stackalloc double[Parameters.Length];
        for (int j = 0; j < theta.Length; j++) theta[j] = Parameters[j].Value;
        return Law.Evaluate(theta, x);
    }

    /// <summary>The fitted model at one point given by variable name.</summary>
    /// <exception cref="KeyNotFoundException">A variable of the law is missing.</exception>
    public double Predict(IReadOnlyDictionary<string, double> x)
    {
        var values = Law.Variables.Select(v => x.TryGetValue(v, out double d) ? d
            : throw new KeyNotFoundException($"No value for variable '{v}'; the law reads {string.Join(", ", Law.Variables)}.")).ToArray();
        return Predict(values);
    }

    /// <summary>The fitted model at every row of <paramref name="data"/>.</summary>
    public double[] Predict(FitData data)
    {
        var result = new double[data.Count];
        for (int i = 0; i < data.Count; i++) result[i] = Predict(data.Row(i));
        return result;
    }

    /// <summary>One line: law, termination, objective and parameters (± standard error where available).</summary>
    public string BriefReport() => FitReport.Brief(this);

    /// <summary>A multi-section text report: fit, statistics, parameters ± errors, correlations, warnings.</summary>
    public string Report() => FitReport.Full(this);
}
