using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;

namespace ScalingLaws.Uncertainty;

/// <summary>Computes <see cref="ParameterCovariance"/> from a Jacobian by SVD.</summary>
internal static class CovarianceEstimator
{
    /// <summary>
    /// σ̂²·V·Σ⁻²·Vᵀ from the SVD J̃ = UΣVᵀ of the n × k column-major <paramref name="jacobian"/>
    /// (computed as the SVD of the k × k triangular factor of a thin QR of J̃).
    /// Rank-deficient when a singular value is below max(n, k)·ε·σ₁.
    /// </summary>
    public static ParameterCovariance Estimate(ReadOnlySpan<double> jacobian, int n, IReadOnlyList<string> names,
        ReadOnlySpan<double> residuals, int degreesOfFreedom)
    {
        int k = names.Count;
        if (k == 0) return ParameterCovariance.Unavailable("no parameter is free and off its bounds");
        if (degreesOfFreedom <= 0)
            return ParameterCovariance.Unavailable($"no degrees of freedom left ({n} rows, {k} parameters)");
        double rss = 0;
        foreach (double r in residuals) rss += r * r;
        double s2 = rss / degreesOfFreedom;
        var j = Matrix<double>.Build.Dense(n, k, jacobian.ToArray());
        // J = QR (thin) and R = UΣVᵀ give J's singular values and V without forming an n × n U.
        var triangular = n > k ? j.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).R : j;
        var svd = triangular.Svd(computeVectors: true);
        var sv = svd.S;
        double smax = sv[0], smin = sv[k - 1];
        double tol = Math.Max(n, k) * 2.220446049250313e-16 * smax;
        if (!(smax > 0) || smin <= tol)
        {
            var vt = svd.VT;
            var weak = Enumerable.Range(0, k).OrderByDescending(c => Math.Abs(vt[k - 1, c])).Take(2).Select(c => $"'{names[c]}'");
            return ParameterCovariance.Unavailable(
                $"the Jacobian is rank-deficient (smallest singular value {smin:G3} vs largest {smax:G3}); {string.Join(" and ", weak)} are not separately identifiable");
        }
        var v = svd.VT.Transpose();
        var values = new double[k * k];
        for (int a = 0; a < k; a++)
            for (int b = a; b < k; b++)
            {
                double sum = 0;
                for (int t = 0; t < k; t++) sum += v[a, t] * v[b, t] / (sv[t] * sv[t]);
                values[a * k + b] = values[b * k + a] = s2 * sum;
            }
        return new ParameterCovariance
        {
            Names = names.ToImmutableArray(),
            Values = values.ToImmutableArray(),
            ResidualVariance = s2,
            ConditionNumber = smax / smin,
        };
    }
}
