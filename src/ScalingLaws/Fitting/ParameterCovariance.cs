using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

/// <summary>
/// Covariance of the fitted parameters, σ̂²·(J̃ᵀJ̃)⁻¹ over the parameters that are free and not at a
/// bound, from an SVD of the final (weighted, loss-reweighted) Jacobian J̃; σ̂² = Σ r̃ᵢ² / (n − k).
/// When it cannot be computed, <see cref="IsAvailable"/> is false and <see cref="Reason"/> says why.
/// </summary>
public sealed record ParameterCovariance
{
    /// <summary>Parameters the matrix covers, in order.</summary>
    public ImmutableArray<string> Names { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Row-major covariance matrix over <see cref="Names"/>.</summary>
    public ImmutableArray<double> Values { get; init; } = ImmutableArray<double>.Empty;

    /// <summary>Residual variance σ̂² used.</summary>
    public double ResidualVariance { get; init; }

    /// <summary>Condition number of J̃ (largest over smallest singular value).</summary>
    public double ConditionNumber { get; init; }

    /// <summary>Why the covariance is unavailable, or null.</summary>
    public string? Reason { get; init; }

    /// <summary>True when the matrix was computed.</summary>
    public bool IsAvailable => Reason is null;

    /// <summary>Cov(i, j) by position in <see cref="Names"/>.</summary>
    public double this[int i, int j] => Values[i * Names.Length + j];

    /// <summary>Covariance of two named parameters, or null when either is not covered.</summary>
    public double? Get(string a, string b)
    {
        int i = Names.IndexOf(a), j = Names.IndexOf(b);
        return i < 0 || j < 0 ? null : this[i, j];
    }

    /// <summary>Correlation Cov(i,j)/√(Cov(i,i)·Cov(j,j)) by position.</summary>
    public double Correlation(int i, int j) => this[i, j] / Math.Sqrt(this[i, i] * this[j, j]);

    /// <summary>An unavailable covariance with its reason.</summary>
    public static ParameterCovariance Unavailable(string reason) => new() { Reason = reason };
}
