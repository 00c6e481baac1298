namespace ScalingLaws.Fitting;

/// <summary>Where residuals are measured.</summary>
public enum ResidualSpace
{
    /// <summary>rᵢ = f(θ; xᵢ) − yᵢ.</summary>
    Linear,

    /// <summary>rᵢ = log f(θ; xᵢ) − log yᵢ (needs f &gt; 0 and y &gt; 0), as Chinchilla-style fits do.</summary>
    Log,
}
