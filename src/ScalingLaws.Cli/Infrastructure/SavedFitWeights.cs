using System.Globalization;
using ScalingLaws.Laws;
using ScalingLaws.Serialization;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// The domain-weight rule of a saved mixture fit applied to a point to predict at: the weights are rescaled
/// to sum to 1 when the fit normalised them (<c>fit --normalize-weights</c>), otherwise a point whose weights
/// do not sum to 1 (within 10⁻³) is refused. Other laws' points pass unchanged.
/// </summary>
/// <param name="Fit">The saved fit.</param>
/// <param name="Law">The law rebuilt from it.</param>
public sealed record SavedFitWeights(SavedFit Fit, IScalingLaw Law)
{
    /// <summary>The point's values in the law's variable order, weights normalised or checked.</summary>
    /// <param name="point">Values by variable name.</param>
    /// <param name="where">Where the point comes from (file:line or the option), for the message.</param>
    /// <exception cref="CliException">The weights sum to 0, or (without normalisation) not to 1.</exception>
    public double[] Apply(IReadOnlyDictionary<string, double> point, string where)
    {
        var x = Law.Variables.Select(v => point[v]).ToArray();
        if (Law is not IMixtureLaw mixture) return x;
        var index = mixture.Domains.Select(d => Law.Variables.IndexOf(d)).ToArray();
        double sum = index.Sum(j => x[j]);
        string text = sum.ToString("G6", CultureInfo.InvariantCulture);
        if (Fit.NormalizedWeights)
        {
            if (!(sum > 0)) throw new CliException($"{where}: domain weights sum to {text}, so they cannot be normalised.");
            foreach (int j in index) x[j] /= sum;
        }
        else if (Math.Abs(sum - 1) > 1e-3)
            throw new CliException($"{where}: domain weights ({string.Join(", ", mixture.Domains)}) sum to {text}, not 1, and the fit did not normalise them (fit with --normalize-weights, or fix the data).");
        return x;
    }
}
