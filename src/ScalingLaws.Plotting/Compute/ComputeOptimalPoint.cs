namespace ScalingLaws.Plotting.Compute;

/// <summary>The compute-optimal allocation at one budget: C ≈ k·N·D split into N and D, and the loss there.</summary>
/// <param name="Compute">Training compute C (FLOP).</param>
/// <param name="Parameters">Compute-optimal parameter count N_opt.</param>
/// <param name="Tokens">Compute-optimal token count D_opt.</param>
/// <param name="Loss">Predicted loss at the optimum (nats/token); NaN when unknown.</param>
public sealed record ComputeOptimalPoint(double Compute, double Parameters, double Tokens, double Loss)
{
    /// <summary>Lower end of an interval on N_opt (e.g. a bootstrap percentile); <c>null</c> when not computed.</summary>
    public double? ParametersLower { get; init; }

    /// <summary>Upper end of an interval on N_opt; <c>null</c> when not computed.</summary>
    public double? ParametersUpper { get; init; }

    /// <summary>Lower end of an interval on D_opt; <c>null</c> when not computed.</summary>
    public double? TokensLower { get; init; }

    /// <summary>Upper end of an interval on D_opt; <c>null</c> when not computed.</summary>
    public double? TokensUpper { get; init; }
}
