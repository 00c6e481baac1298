using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Validation;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Validation;

/// <summary>
/// Parameter recovery of the additive and joint mixture laws on a 7-domain synthetic log with the default fit options:
/// 4 model sizes × 5 token counts × 40 mixtures drawn uniformly on the simplex, 0.5 % multiplicative noise,
/// realistic magnitudes (E ≈ 1.3 nats, A, B ≈ 10^2.5, α ≈ 0.31, a bias term of a few tenths of a nat).
/// Every parameter must lie within 3 standard errors of the truth, strictly inside its bounds, and the
/// fitted law must predict the noiseless losses within the noise.
/// </summary>
public class MixtureRecoveryTests(ITestOutputHelper output)
{
    private const double Noise = 0.005;

    private static readonly string[] Domains = ["h_arxiv", "h_book", "h_c4", "h_github", "h_cc", "h_stackexchange", "h_wikipedia"];

    private static readonly ImmutableDictionary<string, double> AdditiveTruth = new Dictionary<string, double>
    {
        ["E"] = 1.35, ["A"] = 340, ["B"] = 760, ["alpha"] = 0.31, ["beta"] = 0.29,
        ["C_arxiv"] = 0.5, ["C_book"] = 1.7, ["C_c4"] = 0.35, ["C_github"] = 0.4, ["C_cc"] = 0.8, ["C_stackexchange"] = 0.3, ["C_wikipedia"] = 0.6,
        ["gamma_arxiv"] = 0.3, ["gamma_book"] = 0.45, ["gamma_c4"] = 0.6, ["gamma_github"] = 0.25, ["gamma_cc"] = 0.8, ["gamma_stackexchange"] = 0.5, ["gamma_wikipedia"] = 0.7,
    }.ToImmutableDictionary();

    /// <summary>The additive truth with the joint law's A_h, B_h: a_i, b_i between 0.65 and 1.5, γ^A = 1.1, γ^B = 0.8.</summary>
    private static readonly ImmutableDictionary<string, double> JointTruth = AdditiveTruth.AddRange(new Dictionary<string, double>
    {
        ["a_book"] = 1.3, ["a_c4"] = 0.8, ["a_github"] = 1.5, ["a_cc"] = 0.7, ["a_stackexchange"] = 1.2, ["a_wikipedia"] = 0.9, ["gamma_A"] = 1.1,
        ["b_book"] = 0.75, ["b_c4"] = 1.25, ["b_github"] = 0.9, ["b_cc"] = 1.4, ["b_stackexchange"] = 0.65, ["b_wikipedia"] = 1.1, ["gamma_B"] = 0.8,
    });

    private static RunTable Design() => SyntheticDesign.Cross(
        SyntheticDesign.Grid(("N", [1e8, 3e8, 6e8, 1.2e9]), ("D", SyntheticDesign.LogSpace(2e9, 5e10, 5))),
        SyntheticDesign.Simplex(Domains, 40, seed: 11));

    /// <summary>
    /// The default fit (Huber δ = 10⁻³) reaches an objective no worse than the truth's and predicts the noiseless
    /// losses within the noise; the least-squares fit (whose standard errors are the textbook ones: the Huber fit's
    /// come from the loss-reweighted Jacobian, which understates them when nearly every row is down-weighted)
    /// puts every parameter within 3 standard errors of the truth, strictly inside its bounds.
    /// </summary>
    [Fact]
    public void AdditiveLawParametersAreRecoveredWithinThreeStandardErrors() => AssertRecovered(new MixtureAdditiveLaw(Domains), AdditiveTruth);

    /// <summary>The same checks for the joint law (33 parameters) on the same design, with A_h and B_h varying across mixtures.</summary>
    [Fact]
    public void JointLawParametersAreRecoveredWithinThreeStandardErrors() => AssertRecovered(new MixtureJointLaw(Domains), JointTruth);

    private void AssertRecovered(IScalingLaw law, ImmutableDictionary<string, double> truthParameters)
    {
        var runs = SyntheticRuns.Generate(law, truthParameters, Design(), Noise, seed: 3);
        var data = runs.ToFitData(law.Variables, "loss");
        var truthLoss = runs.Numeric("loss" + SyntheticRuns.TrueValueSuffix).ToArray();

        var fit = LevenbergMarquardt.Fit(law, data);
        output.WriteLine(fit.BriefReport());
        Assert.True(fit.Termination.IsConverged(), fit.BriefReport());
        double objectiveAtTruth = Metrics.Objective(data.Y, truthLoss, fit.Loss, fit.Space);
        Assert.True(fit.Objective <= objectiveAtTruth, $"objective {fit.Objective:R} above the truth's {objectiveAtTruth:R}");
        double rms = Math.Sqrt(fit.Predict(data).Zip(truthLoss, (f, t) => (f - t) / t).Average(r => r * r));
        output.WriteLine($"RMS relative deviation from the noiseless law: {100 * rms:F3} %");
        Assert.True(rms <= Noise, $"RMS relative deviation from the noiseless law {rms:P3} exceeds the noise {Noise:P1}");

        var squares = LevenbergMarquardt.Fit(law, data, new FitOptions { Loss = SquaredLoss.Instance });
        output.WriteLine(squares.BriefReport());
        Assert.True(squares.Termination.IsConverged(), squares.BriefReport());
        Assert.True(squares.Covariance.IsAvailable, squares.Covariance.Reason);
        var failures = new List<string>();
        foreach (var p in squares.Parameters)
        {
            double truth = truthParameters[p.Name];
            if (p.AtBound || p.StandardError is not { } se) { failures.Add($"{p.Name} = {p.Value:G6} is at a bound (truth {truth:G6})"); continue; }
            double z = (p.Value - truth) / se;
            output.WriteLine($"{p.Name}: {p.Value:G6} ± {se:G3} (truth {truth:G6}, z = {z:F2})");
            if (Math.Abs(z) > 3) failures.Add($"{p.Name} = {p.Value:G6} ± {se:G3} is {z:F2} standard errors from the truth {truth:G6}");
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }
}
