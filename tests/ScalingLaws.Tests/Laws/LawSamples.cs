using ScalingLaws.Laws;

namespace ScalingLaws.Tests.Laws;

/// <summary>Random valid (θ, x) for every catalogue law, covering both branches of the data-constrained min.</summary>
public static class LawSamples
{
    public static readonly string[] DataMixingDomains = ["academic", "prose", "code"];
    public static readonly string[] MixtureDomains = ["h_web", "h_code", "h_books"];

    public static double Uniform(this Random random, double lo, double hi) => lo + (hi - lo) * random.NextDouble();

    public static double LogUniform(this Random random, double lo, double hi) => Math.Pow(10, random.Uniform(lo, hi));

    /// <summary>A point on the simplex; with probability 1/3 one share is exactly 0.</summary>
    public static double[] Simplex(this Random random, int k)
    {
        var w = new double[k];
        int zero = random.Next(3) == 0 ? random.Next(k) : -1;
        for (int i = 0; i < k; i++) w[i] = i == zero ? 0 : -Math.Log(1 - random.NextDouble());
        double sum = w.Sum();
        for (int i = 0; i < k; i++) w[i] /= sum;
        return w;
    }

    public static readonly LawCase[] All =
    [
        new("chinchilla", new ChinchillaLaw(), r =>
            ([r.Uniform(0, 10), r.Uniform(0, 10), r.Uniform(-1, 1), r.Uniform(0.05, 1), r.Uniform(0.05, 1)],
             [r.LogUniform(6, 11), r.LogUniform(8, 13)])),
        new("kaplan", new KaplanLaw(), r =>
            ([r.Uniform(0.03, 0.3), r.Uniform(0.03, 0.3), r.LogUniform(10, 15), r.LogUniform(10, 15)],
             [r.LogUniform(6, 11), r.LogUniform(8, 13)])),
        new("power", new PowerLaw(), r =>
            ([r.Uniform(-1, 1.5), r.Uniform(5, 25), r.Uniform(0.05, 1.5)], [r.LogUniform(3, 11)])),
        new("data-constrained/excess-parameters", new DataConstrainedLaw(), r => DataConstrained(r, excess: true)),
        new("data-constrained/within-optimum", new DataConstrainedLaw(), r => DataConstrained(r, excess: false)),
        new("overtraining", new OvertrainingLaw(), r =>
            ([r.Uniform(0, 3), r.LogUniform(0, 3), r.LogUniform(0, 3), r.Uniform(0.01, 0.5)],
             [r.LogUniform(15, 24), r.LogUniform(-0.5, 2.5)])),
        new("dcpt", new DcptLaw(), r => { var (t, x) = Dcpt(r); return (t, x); }),
        new("dcpt-cross-domain", new DcptCrossDomainLaw(), r =>
        {
            var (t, x) = Dcpt(r);
            return ([.. t, r.Uniform(0, 1), r.Uniform(0, 2)], [.. x, r.Uniform(0.1, 10)]);
        }),
        new("cmr-ratio", new CmrRatioLaw(), r =>
            ([r.Uniform(-1, 1), r.Uniform(-1, 2), r.Uniform(0, 3)], [r.Uniform(0.05, 1)])),
        new("cmr-tokens", new CmrTokensLaw(), r =>
            ([r.Uniform(-3, 3), r.Uniform(-0.5, 0.5), r.Uniform(-2, 2)], [r.Uniform(1, 500)])),
        new("data-mixing", new DataMixingLaw(DataMixingDomains), r =>
            ([r.Uniform(-2, 1.5), r.Uniform(-5, 1), r.Uniform(-10, 5), r.Uniform(-10, 5), r.Uniform(-10, 5)], r.Simplex(3))),
        new("mixture-additive", new MixtureAdditiveLaw(MixtureDomains), r =>
        {
            double[] theta = [r.Uniform(0, 2), r.LogUniform(0, 3), r.LogUniform(0, 3), r.Uniform(0.05, 1), r.Uniform(0.05, 1),
                r.Uniform(0.1, 10), r.Uniform(0.1, 10), r.Uniform(0.1, 10), r.Uniform(0.05, 2), r.Uniform(0.05, 2), r.Uniform(0.05, 2)];
            return (theta, [r.LogUniform(7, 10), r.LogUniform(9, 12), .. r.Simplex(3)]);
        }),
        new("mixture-joint", new MixtureJointLaw(MixtureDomains), r =>
        {
            double[] theta = [r.Uniform(0, 2), r.LogUniform(0, 3), r.LogUniform(0, 3), r.Uniform(0.05, 1), r.Uniform(0.05, 1),
                r.Uniform(0.1, 10), r.Uniform(0.1, 10), r.Uniform(0.1, 10), r.Uniform(0.05, 2), r.Uniform(0.05, 2), r.Uniform(0.05, 2),
                r.Uniform(0.2, 5), r.Uniform(0.2, 5), r.Uniform(0.5, 1.5),
                r.Uniform(0.2, 5), r.Uniform(0.2, 5), r.Uniform(0.5, 1.5)];
            return (theta, [r.LogUniform(7, 10), r.LogUniform(9, 12), .. r.Simplex(3)]);
        }),
        new("bimix", new BiMixLaw(), r =>
            ([r.Uniform(0, 0.5), r.LogUniform(0, 3), r.Uniform(0.05, 1), r.Uniform(0.5, 3)], [r.Uniform(0.01, 1), r.LogUniform(2, 5)])),
        new("multilingual", new MultilingualLaw(), r =>
            ([r.LogUniform(0, 3), r.Uniform(0.05, 1), r.Uniform(0, 3), r.Uniform(-0.5, 2), r.Uniform(1, 3), r.Uniform(0.2, 3)],
             [r.LogUniform(7, 9), r.Next(5) == 0 ? 1.0 : r.Uniform(0.01, 1)])),
    ];

    public static LawCase Get(string label) => All.Single(c => c.Label == label);

    private static (double[], double[]) DataConstrained(Random r, bool excess)
    {
        double[] theta = [6.255414 + r.Uniform(-1, 1), 7.3049974 + r.Uniform(-1, 1), 0.6254804 + r.Uniform(-0.3, 0.3),
            r.Uniform(0.2, 0.6), r.Uniform(0.2, 0.6), r.Uniform(2, 40), r.Uniform(1, 20)];
        double u = r.LogUniform(8, 11);
        double nOpt = DataConstrainedLaw.OptimalParameters(theta, u);
        double n = excess ? nOpt * r.LogUniform(Math.Log10(1.05), 1.5) : nOpt * r.LogUniform(-1.5, Math.Log10(0.95));
        double d = u * r.LogUniform(0, 1.7);
        return (theta, [n, d, u]);
    }

    private static (double[], double[]) Dcpt(Random r)
    {
        bool zeroShare = r.Next(5) == 0;
        double[] theta = [r.Uniform(0, 3), r.LogUniform(0, 3), r.LogUniform(0, 3), r.Uniform(0, 1), r.Uniform(0.05, 1), r.Uniform(0.05, 1),
            zeroShare ? r.Uniform(0.05, 1) : r.Uniform(-1, 1), r.Uniform(0, 1), r.Uniform(0.001, 0.1)];
        return (theta, [r.LogUniform(8, 10), r.LogUniform(8, 11), zeroShare ? 0 : r.Uniform(0.01, 1)]);
    }
}
