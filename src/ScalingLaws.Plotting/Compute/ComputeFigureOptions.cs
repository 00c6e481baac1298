using System.Collections.Immutable;
using ScalingLaws.Plotting.Fits;

namespace ScalingLaws.Plotting.Compute;

/// <summary>How a fitted law L(N, D, …) is read along a compute budget C = k·N·D.</summary>
public abstract record ComputeFigureOptions : FitFigureOptions
{
    /// <summary>The law variable holding the parameter count. Default <c>N</c>.</summary>
    public string ParameterVariable { get; init; } = "N";

    /// <summary>The law variable holding the token count. Default <c>D</c>.</summary>
    public string TokenVariable { get; init; } = "D";

    /// <summary>k in C = k·N·D (FLOP per parameter per token). Default 6.</summary>
    public double FlopsPerParameterToken { get; init; } = 6;

    /// <summary>Values of the law's other variables (e.g. unique tokens <c>U</c>). Default empty; a law with other variables needs them here.</summary>
    public ImmutableDictionary<string, double> Held { get; init; } = ImmutableDictionary<string, double>.Empty;
}
