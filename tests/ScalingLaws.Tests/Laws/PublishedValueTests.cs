using ScalingLaws.Laws;
using ScalingLaws.Optimization.Continual;
using Xunit;

namespace ScalingLaws.Tests.Laws;

/// <summary>Laws evaluated with published parameters reproduce the published (or closed-form) values.</summary>
public class PublishedValueTests
{
    private static readonly double[] Muennighoff = [6.255414, 7.3049974, 0.6254804, 0.3526596, 0.3526596, 15.387756, 5.309743];

    [Theory]
    [InlineData(6.34e9, 242e9, 25e9, 2.2256440889984477)]
    [InlineData(8.67e9, 178e9, 25e9, 2.2269634075087867)]
    public void DataConstrainedMatchesTheDatablationsReadme(double n, double d, double u, double expected)
    {
        var law = new DataConstrainedLaw();
        double value = law.Evaluate(Muennighoff, [n, d, u]);
        Assert.True(Math.Abs(value - expected) <= 1e-12 * expected, $"L = {value:R}, expected {expected:R}");
        var gradient = new double[7];
        Assert.Equal(value, law.EvaluateWithGradient(Muennighoff, [n, d, u], gradient));
    }

    [Fact]
    public void DataConstrainedReadmeModelsLieOnTheExcessParameterBranch()
    {
        // N_opt(25B unique tokens) ≈ 1.27e9 parameters, so both README models have excess parameters.
        double nOpt = DataConstrainedLaw.OptimalParameters(Muennighoff, 25e9);
        Assert.Equal(1.2746629413414571e9, nOpt, 1e-3 * nOpt);
        Assert.True(6.34e9 > nOpt);
    }

    [Fact]
    public void DataConstrainedReducesToChinchillaForOneEpochAtOptimalSize()
    {
        // U = D (no repetition) and N ≤ N_opt(U): N′ = N, D′ = D.
        var theta = Muennighoff;
        double u = 100e9, n = 1e9;
        Assert.True(n < DataConstrainedLaw.OptimalParameters(theta, u));
        double expected = new ChinchillaLaw().Evaluate([theta[0], theta[1], theta[2], theta[3], theta[4]], [n, u]);
        Assert.Equal(expected, new DataConstrainedLaw().Evaluate(theta, [n, u, u]), 1e-14);
    }

    [Theory]
    [InlineData(0.22524761, 0.26944345, -0.48139982, 29.76)]
    [InlineData(0.7520627, 0.13720245, -1.06581937, 34.89)]
    [InlineData(-2.36384831, -0.15125569, 1.59223649, 41.43)]
    [InlineData(-2.5368197, -0.42071423, 0.84375368, 47.83)]
    public void CmrTable5GivesThePublishedRatiosAtTwentyBillionTokens(double a, double s, double b, double percent)
    {
        Assert.Equal(percent, Math.Round(100 * CriticalMixtureRatio.FromTokensLaw(a, s, b, 100), 2));
        Assert.Equal(percent, Math.Round(100 * new CmrTokensLaw().Evaluate([a, s, b], [100]), 2));
    }

    [Fact]
    public void ChinchillaLogSpaceEqualsTheClosedFormWithEpochParameters()
    {
        // Hoffmann's unrounded parameters as used by Epoch: log A, log B, log E, α, β.
        double[] theta = [6.0073404, 6.0179186, 0.5267228, 0.33917084, 0.2849083];
        double a = Math.Exp(theta[0]), b = Math.Exp(theta[1]), e = Math.Exp(theta[2]);
        foreach (var (n, d) in new[] { (70e9, 1.4e12), (1e9, 2e10), (280e9, 300e9) })
        {
            double closedForm = e + a / Math.Pow(n, theta[3]) + b / Math.Pow(d, theta[4]);
            Assert.Equal(closedForm, new ChinchillaLaw().Evaluate(theta, [n, d]), 1e-13);
        }
        // Chinchilla (70B parameters, 1.4T tokens): 1.92085 with the unrounded values, 1.93665 with the rounded ones.
        Assert.Equal(1.9208460265656064, new ChinchillaLaw().Evaluate(theta, [70e9, 1.4e12]), 1e-12);
        double[] rounded = [Math.Log(406.4), Math.Log(410.7), Math.Log(1.69), 0.34, 0.28];
        Assert.Equal(1.9366454705587173, new ChinchillaLaw().Evaluate(rounded, [70e9, 1.4e12]), 1e-12);
    }

    [Theory]
    [InlineData(406.4, 410.7, 1.69, 0.34, 0.28, 1.82e9, 9.14e10, 2.3289)]
    [InlineData(482.01, 2085.43, 1.8169, 0.3478, 0.3658, 2.78e9, 6.0e10, 2.3055)]
    public void ChinchillaGivesTheComputeOptimalLossesAtOneZettaflop(double a, double b, double e, double alpha, double beta,
        double n, double d, double loss)
    {
        // LAWS.md §15: Hoffmann and Epoch point estimates at C = 1e21 (N and D printed to 3 digits).
        double value = new ChinchillaLaw().Evaluate([Math.Log(a), Math.Log(b), Math.Log(e), alpha, beta], [n, d]);
        Assert.Equal(loss, value, 5e-4);
    }

    [Fact]
    public void GadreFormEqualsTheChinchillaFormWithTiedExponents()
    {
        var random = new Random(7);
        for (int i = 0; i < 200; i++)
        {
            double bigA = random.LogUniform(1, 4), bigB = random.LogUniform(1, 4), e = random.Uniform(1, 3), alpha = random.Uniform(0.1, 0.8);
            double n = random.LogUniform(7, 11), d = random.LogUniform(9, 13);
            double chinchilla = new ChinchillaLaw().Evaluate([Math.Log(bigA), Math.Log(bigB), Math.Log(e), alpha, alpha], [n, d]);
            double eta = alpha / 2;
            double gadre = new OvertrainingLaw().Evaluate([e, bigA * Math.Pow(6, eta), bigB * Math.Pow(6, eta), eta], [6 * n * d, d / n]);
            Assert.Equal(chinchilla, gadre, 1e-12 * chinchilla);
        }
    }

    [Theory]
    [InlineData(0.2, 0.2, 0.2, 0.2, 0.2, 2.7584293010099072)]
    [InlineData(0.125, 0.1875, 0.0625, 0.25, 0.375, 2.880046050618944)]
    public void DataMixingWithThePublishedAcademicParametersGivesTheHandComputedLoss(
        double academic, double prose, double dialogue, double symbolic, double internet, double expected)
    {
        // mix_5_domains.ipynb, academic group, 70M at 30k steps: log c, log k, t_academic … t_internet.
        var law = new DataMixingLaw(["academic", "prose", "dialogue", "symbolic", "internet"]);
        double[] theta = [0.9750, -2.1391, -10.0864, 2.7140, 2.7106, 2.6083, 1.5866];
        double t = -10.0864 * academic + 2.7140 * prose + 2.7106 * dialogue + 2.6083 * symbolic + 1.5866 * internet;
        Assert.Equal(Math.Exp(0.9750) + Math.Exp(-2.1391 + t), law.Evaluate(theta, [academic, prose, dialogue, symbolic, internet]), 1e-14);
        Assert.Equal(expected, law.Evaluate(theta, [academic, prose, dialogue, symbolic, internet]), 1e-12);
    }

    [Fact]
    public void KaplanWithTable2ConstantsGivesTheLimitingSingleVariableLaws()
    {
        // For D → ∞ the law reduces to (N_c/N)^α_N; for N → ∞ to (D_c/D)^α_D.
        double[] theta = [0.076, 0.103, 6.4e13, 1.8e13];
        var law = new KaplanLaw();
        Assert.Equal(Math.Pow(6.4e13 / 1e9, 0.076), law.Evaluate(theta, [1e9, 1e300]), 1e-12);
        Assert.Equal(Math.Pow(1.8e13 / 1e10, 0.103), law.Evaluate(theta, [1e300, 1e10]), 1e-12);
    }

    [Fact]
    public void MixtureJointReducesToAdditiveWhenAmplitudesAreShared()
    {
        var random = new Random(11);
        string[] domains = ["h_a", "h_b", "h_c"];
        for (int i = 0; i < 100; i++)
        {
            double e = random.Uniform(1, 2), bigA = random.Uniform(10, 500), bigB = random.Uniform(10, 500);
            double alpha = random.Uniform(0.1, 0.6), beta = random.Uniform(0.1, 0.6);
            double[] c = [random.Uniform(0.5, 5), random.Uniform(0.5, 5), random.Uniform(0.5, 5)];
            double[] g = [random.Uniform(0.1, 1), random.Uniform(0.1, 1), random.Uniform(0.1, 1)];
            double[] x = [random.LogUniform(8, 10), random.LogUniform(9, 11), .. random.Simplex(3)];
            double additive = new MixtureAdditiveLaw(domains).Evaluate([e, bigA, bigB, alpha, beta, .. c, .. g], x);
            double joint = new MixtureJointLaw(domains).Evaluate(
                [e, bigA, bigB, alpha, beta, .. c, .. g, 1, 1, random.Uniform(0.5, 1.5), 1, 1, random.Uniform(0.5, 1.5)], x);
            Assert.Equal(additive, joint, 1e-12 * additive);
        }
    }

    [Fact]
    public void MultilingualFractionIsOneAtFullWeight()
    {
        // f(1) = 1, so L(N; 1) = β·N^(−α) + L_∞ whatever c₁, c₂, c₃.
        double value = new MultilingualLaw().Evaluate([50, 0.3, 1.2, 0.7, 1.5, 2.0], [1e8, 1.0]);
        Assert.Equal(50 * Math.Pow(1e8, -0.3) + 1.2, value, 1e-14);
    }
}
