using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Validation;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Validation;

/// <summary>
/// simulate → fit for every catalogue law: on synthetic logs with 1 % multiplicative noise the fit (the
/// law's default recipe) reaches an objective no worse than the generating parameters', and its
/// predictions at the design points stay within the noise of the noiseless law.
/// </summary>
public class ParameterRecoveryTests(ITestOutputHelper output)
{
    private const double Noise = 0.01;

    private static readonly string[] Three = ["h_web", "h_code", "h_books"];

    public sealed record Case(string Name, IScalingLaw Law, ImmutableDictionary<string, double> Truth, RunTable Design,
        Func<IScalingLaw, FitData, FitOptions>? Options = null);

    /// <summary>
    /// The recipe's random starts, fewer of them and screened harder (every start runs 15 steps, the best 4
    /// continue, for at most 5,000 steps): the recipe's 256/512 starts, some of which wander for the
    /// default 50,000 steps along degenerate directions (C_i → ∞ with γ_i → ∞), cost minutes on two cores.
    /// </summary>
    private static Func<IScalingLaw, FitData, FitOptions> FewerRandomStarts(int count) =>
        (law, data) => new FitOptions
        {
            Starts = ((RandomStarts)law.DefaultRecipe(data).Starts) with { Count = count },
            Screening = new StartScreening(Iterations: 15, Survivors: 4),
            MaxIterations = 5_000,
        };

    /// <summary>Every k-th of the recipe's explicit starts (the data-constrained grid has 1,800).</summary>
    private static Func<IScalingLaw, FitData, FitOptions> EveryKthStart(int k) =>
        (law, data) => new FitOptions { Starts = new ExplicitStarts([.. ((ExplicitStarts)law.DefaultRecipe(data).Starts).Points.Where((_, i) => i % k == 0)]) };

    private static ImmutableDictionary<string, double> P(params (string, double)[] values) =>
        values.ToImmutableDictionary(v => v.Item1, v => v.Item2);

    private static IReadOnlyList<double> Log(double lo, double hi, int n) => SyntheticDesign.LogSpace(lo, hi, n);

    public static readonly Case[] Cases =
    [
        new("chinchilla", new ChinchillaLaw(), P(("a", 6.0), ("b", 6.5), ("e", 0.5), ("alpha", 0.34), ("beta", 0.30)),
            SyntheticDesign.Grid(("N", Log(1e7, 1e10, 6)), ("D", Log(1e9, 1e12, 6)))),
        new("kaplan", new KaplanLaw(), P(("alpha_N", 0.076), ("alpha_D", 0.103), ("N_c", 6.4e13), ("D_c", 1.8e13)),
            SyntheticDesign.Grid(("N", Log(1e7, 1e10, 6)), ("D", Log(1e9, 1e12, 6)))),
        new("power", new PowerLaw(), P(("log_c", 0.5), ("log_k", 20), ("alpha", 0.5)),
            SyntheticDesign.Grid(("x", Log(1e6, 1e11, 16)))),
        new("data-constrained", new DataConstrainedLaw(),
            P(("a", 6.255414), ("b", 7.3049974), ("e", 0.6254804), ("alpha", 0.3526596), ("beta", 0.3526596), ("R_D_star", 15.387756), ("R_N_star", 5.309743)),
            SyntheticDesign.ForLaw(new DataConstrainedLaw()), EveryKthStart(5)),
        new("overtraining", new OvertrainingLaw(), P(("E", 1.69), ("a", 550), ("b", 560), ("eta", 0.17)),
            SyntheticDesign.Grid(("C", Log(1e17, 1e22, 6)), ("M", [5, 10, 20, 40, 80, 160]))),
        new("dcpt", new DcptLaw(),
            P(("E", 1.5), ("A", 300), ("B", 400), ("C", 0.05), ("alpha", 0.3), ("beta", 0.3), ("eta", 0.1), ("gamma", 0.5), ("epsilon", 0.01)),
            SyntheticDesign.Grid(("N", Log(1e8, 1e10, 4)), ("D", Log(1e9, 1e11, 4)), ("r", [0, 0.01, 0.05, 0.2, 0.5, 1])),
            FewerRandomStarts(64)),
        new("dcpt-cross-domain", new DcptCrossDomainLaw(),
            P(("E", 1.5), ("A", 300), ("B", 400), ("C", 0.05), ("alpha", 0.3), ("beta", 0.3), ("eta", 0.1), ("gamma", 0.5), ("epsilon", 0.01), ("F", 0.1), ("mu", 0.5)),
            SyntheticDesign.Grid(("N", Log(1e8, 1e10, 3)), ("D", Log(1e9, 1e11, 3)), ("r", [0, 0.01, 0.05, 0.2, 0.5, 1]), ("K", [0.5, 1, 2, 5])),
            FewerRandomStarts(64)),
        new("cmr-ratio", new CmrRatioLaw(), P(("alpha", -0.4), ("s", 0.18), ("beta", 1.9)),
            SyntheticDesign.Grid(("R", [0.1, 0.2, 0.25, 1.0 / 3, 0.5, 0.75, 1]))),
        new("cmr-tokens", new CmrTokensLaw(), P(("a", 0.22524761), ("s", 0.26944345), ("b", -0.48139982)),
            SyntheticDesign.Grid(("T", [50, 75, 100, 150, 200, 300, 500, 750, 1000]))),
        new("data-mixing", new DataMixingLaw(Three), P(("log_c", 0.8), ("log_k", -1), ("t_web", -2), ("t_code", 0.5), ("t_books", 1)),
            SyntheticDesign.SimplexGrid(Three, 6)),
        new("mixture-additive", new MixtureAdditiveLaw(Three),
            P(("E", 1.5), ("A", 400), ("B", 400), ("alpha", 0.34), ("beta", 0.28), ("C_web", 2), ("C_code", 3), ("C_books", 1),
              ("gamma_web", 0.5), ("gamma_code", 0.3), ("gamma_books", 0.8)),
            SyntheticDesign.Cross(SyntheticDesign.Grid(("N", [1e8, 1e9]), ("D", [1e9, 1e10, 1e11])), SyntheticDesign.SimplexGrid(Three, 4)),
            FewerRandomStarts(64)),
        new("mixture-joint", new MixtureJointLaw(Three),
            P(("E", 1.5), ("A", 300), ("B", 400), ("alpha", 0.34), ("beta", 0.28), ("C_web", 2), ("C_code", 3), ("C_books", 1),
              ("gamma_web", 0.5), ("gamma_code", 0.3), ("gamma_books", 0.8), ("a_code", 1.3), ("a_books", 1.7), ("gamma_A", 1.1),
              ("b_code", 0.75), ("b_books", 1.25), ("gamma_B", 0.9)),
            SyntheticDesign.Cross(SyntheticDesign.Grid(("N", [1e8, 1e9]), ("D", [1e9, 1e10, 1e11])), SyntheticDesign.SimplexGrid(Three, 6)),
            FewerRandomStarts(64)),
        new("bimix", new BiMixLaw(), P(("alpha", 0.05), ("B", 10), ("beta", 0.5), ("C", 2)),
            SyntheticDesign.Grid(("r", [0.05, 0.1, 0.2, 0.4, 0.7, 1]), ("s", Log(1e2, 1e5, 7)))),
        new("multilingual", new MultilingualLaw(), P(("beta", 100), ("alpha", 0.3), ("L_inf", 1), ("c1", 0.5), ("c2", 1), ("c3", 1)),
            SyntheticDesign.Grid(("N", Log(1e7, 1e9, 5)), ("p", [0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 1]))),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Fact]
    public void EveryCatalogueLawHasACase() =>
        Assert.Equal(LawCatalog.Names.Order(), Cases.Select(c => c.Name).Order());

    [Theory]
    [MemberData(nameof(Names))]
    public void FitOnOnePercentNoiseBeatsTheTruthAndPredictsWithinTheNoise(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var runs = SyntheticRuns.Generate(c.Law, c.Truth, c.Design, Noise, seed: 7);
        var data = runs.ToFitData(c.Law.Variables, "loss");
        var fit = LevenbergMarquardt.Fit(c.Law, data, c.Options?.Invoke(c.Law, data));
        Assert.True(fit.IsUsable, fit.BriefReport());

        var truth = runs.Numeric("loss" + SyntheticRuns.TrueValueSuffix).ToArray();
        double objectiveAtTruth = Metrics.Objective(data.Y, truth, fit.Loss, fit.Space);
        Assert.True(fit.Objective <= objectiveAtTruth * (1 + 1e-9),
            $"{name}: objective at the fit {fit.Objective:R} exceeds the objective at the true parameters {objectiveAtTruth:R}");

        var predicted = fit.Predict(data);
        var relative = predicted.Zip(truth, (p, t) => Math.Abs(p - t) / Math.Abs(t)).ToArray();
        double rms = Math.Sqrt(relative.Average(r => r * r)), max = relative.Max();
        var parameters = string.Join(", ", c.Law.Parameters.Select((p, j) => $"{p.Name} {fit.Values[j]:G4} (true {c.Truth[p.Name]:G4})"));
        output.WriteLine($"{name}: n = {data.Count}, {fit.Termination} after {fit.Iterations} steps, objective {fit.Objective:G6} vs {objectiveAtTruth:G6} at the truth; prediction error vs truth: RMS {100 * rms:F3} %, max {100 * max:F3} %; {parameters}");
        Assert.True(rms <= Noise, $"{name}: RMS relative deviation from the noiseless law {rms:P3} exceeds the noise {Noise:P0}");
        Assert.True(max <= 3 * Noise, $"{name}: largest relative deviation from the noiseless law {max:P3} exceeds 3σ");
    }
}
