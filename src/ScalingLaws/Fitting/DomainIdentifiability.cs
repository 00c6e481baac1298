using System.Globalization;

namespace ScalingLaws.Fitting;

/// <summary>
/// Checks, before a mixture law is fitted, that the runs can identify every domain's parameters: each
/// weight column must vary across runs (a column that is 0 in every run is a domain absent from the data; a
/// column constant at c ≠ 0 is, on the simplex, c·Σ_j h_j, so collinear with the others), and the n × k
/// matrix of weights must have full column rank k (no column a linear combination of the others).
/// </summary>
public static class DomainIdentifiability
{
    /// <summary>Relative size below which a column's spread or its residual after projection counts as zero.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Residual, relative to the column's norm, below which a column counts as in the span of the earlier ones.</summary>
    public const double RankTolerance = 1e-6;

    /// <summary>Throws when the data cannot identify a domain of <paramref name="law"/>.</summary>
    /// <exception cref="FitSetupException">A weight column is absent, constant or collinear; the message names it.</exception>
    public static void Check(IMixtureLaw law, FitData data)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) return;
        var domains = law.Domains;
        var columns = domains.Select(data.Column).ToArray();
        for (int j = 0; j < columns.Length; j++)
        {
            double min = columns[j].Min(), max = columns[j].Max();
            if (max - min > Tolerance * Math.Max(1, Math.Abs(max))) continue;
            throw new FitSetupException(min == 0 && max == 0
                ? $"Domain weight '{domains[j]}' is 0 in every run: the data cannot identify its parameters. Drop the column from the weights, or add runs that train on it."
                : $"Domain weight '{domains[j]}' is {F(max)} in every run: a constant weight cannot be told apart from the other domains' (the weights sum to 1). Drop the column from the weights, or add runs that vary it.");
        }
        CheckRank(domains, columns);
    }

    /// <summary>
    /// Gram–Schmidt over the columns in order (R holds each kept column's coordinates in the orthonormal basis);
    /// the first column (almost) in the span of the earlier ones is reported with the columns of its combination.
    /// </summary>
    private static void CheckRank(IReadOnlyList<string> domains, double[][] columns)
    {
        int n = columns[0].Length;
        var basis = new List<double[]>();
        var kept = new List<(int Column, double[] R)>();
        for (int j = 0; j < columns.Length; j++)
        {
            var v = (double[])columns[j].Clone();
            double norm = Norm(v);
            var r = new double[basis.Count + 1];
            for (int b = 0; b < basis.Count; b++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += basis[b][i] * v[i];
                r[b] = dot;
                for (int i = 0; i < n; i++) v[i] -= dot * basis[b][i];
            }
            double residual = Norm(v);
            if (residual > RankTolerance * norm)
            {
                r[basis.Count] = residual;
                for (int i = 0; i < n; i++) v[i] /= residual;
                basis.Add(v);
                kept.Add((j, r));
                continue;
            }
            // Back-substitution: column j ≈ Σ_b x_b · column(kept[b]).
            var x = new double[kept.Count];
            for (int b = kept.Count - 1; b >= 0; b--)
            {
                double sum = r[b];
                for (int c = b + 1; c < kept.Count; c++) sum -= kept[c].R[b] * x[c];
                x[b] = sum / kept[b].R[b];
            }
            var involved = kept.Select((k, b) => (k.Column, x[b])).Where(t => Math.Abs(t.Item2) > 1e-6).Select(t => $"'{domains[t.Column]}'");
            throw new FitSetupException(
                $"Domain weight '{domains[j]}' is, in every run, a linear combination of {string.Join(", ", involved)}: the data cannot tell these domains' effects apart. Drop one of the columns, or add runs that vary them independently.");
        }
    }

    private static double Norm(double[] v)
    {
        double s = 0;
        foreach (double x in v) s += x * x;
        return Math.Sqrt(s);
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
