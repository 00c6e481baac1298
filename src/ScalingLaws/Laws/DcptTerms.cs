using System.Collections.Immutable;

using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>The nine-parameter D-CPT (L3) form shared by <see cref="DcptLaw"/> and <see cref="DcptCrossDomainLaw"/>.</summary>
internal static class DcptTerms
{
    /// <summary>Parameters E, A, B, C, alpha, beta, eta, gamma, epsilon in that order.</summary>
    public static readonly ImmutableArray<ParameterSpec> Specs =
    [
        new("E", Lower: 0, Initial: 1.5, Description: "irreducible loss E (nats/token, ≥ 0)"),
        new("A", Lower: 0, Initial: 100, Description: "model-size coefficient A (≥ 0)"),
        new("B", Lower: 0, Initial: 100, Description: "data coefficient B (≥ 0)"),
        new("C", Lower: 0, Initial: 0.1, Description: "mixture-ratio coefficient C (nats/token, ≥ 0)"),
        new("alpha", Lower: 0, Initial: 0.3, Description: "model-size exponent α (≥ 0)"),
        new("beta", Lower: 0, Initial: 0.3, Description: "data exponent β (≥ 0)"),
        new("eta", Initial: 0.1, Description: "ratio exponent η of the data term (either sign)"),
        new("gamma", Lower: 0, Initial: 0.5, Description: "ratio exponent γ of the mixture term (≥ 0)"),
        new("epsilon", Lower: 1e-6, Initial: 0.01, Description: "offset ε keeping C/(r + ε)^γ finite at r = 0 (> 0)"),
    ];

    /// <summary>The L3 formula text in variables N, D, r.</summary>
    public const string Formula = "E + A/N^alpha + B*r^eta/D^beta + C/(r + epsilon)^gamma";

    /// <summary>Value of the nine-parameter form; <paramref name="x"/> starts with N, D, r.</summary>
    public static double Evaluate(ReadOnlySpan<double> p, ReadOnlySpan<double> x)
    {
        double n = x[0], d = x[1], r = x[2];
        return p[0] + p[1] / Math.Pow(n, p[4]) + p[2] * Math.Pow(r, p[6]) / Math.Pow(d, p[5]) + p[3] / Math.Pow(r + p[8], p[7]);
    }

    /// <summary>Value and the first nine gradient entries.</summary>
    public static double EvaluateWithGradient(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> gradient)
    {
        double n = x[0], d = x[1], r = x[2];
        double nPower = Math.Pow(n, p[4]);
        double dPower = Math.Pow(d, p[5]);
        double rPower = LawMath.PowWithExponentDerivative(r, p[6], out double rPowerByEta);
        double shifted = r + p[8];
        double shiftedPower = Math.Pow(shifted, p[7]);
        double modelTerm = p[1] / nPower;
        double dataTerm = p[2] * rPower / dPower;
        double ratioTerm = p[3] / shiftedPower;
        gradient[0] = 1;
        gradient[1] = 1 / nPower;
        gradient[2] = rPower / dPower;
        gradient[3] = 1 / shiftedPower;
        gradient[4] = -modelTerm * Math.Log(n);
        gradient[5] = -dataTerm * Math.Log(d);
        gradient[6] = p[2] * rPowerByEta / dPower;
        gradient[7] = -ratioTerm * Math.Log(shifted);
        gradient[8] = -p[7] * ratioTerm / shifted;
        return p[0] + modelTerm + dataTerm + ratioTerm;
    }

    /// <summary>Sampling ranges of the random starts for the nine shared parameters.</summary>
    public static ImmutableDictionary<string, (double Lower, double Upper)> Ranges(double minTarget) =>
        new Dictionary<string, (double Lower, double Upper)>
        {
            ["E"] = (0, minTarget),
            ["A"] = (1, 1000),
            ["B"] = (1, 1000),
            ["C"] = (0, 1),
            ["alpha"] = (0.05, 1),
            ["beta"] = (0.05, 1),
            ["eta"] = (-1, 1),
            ["gamma"] = (0, 1),
            ["epsilon"] = (1e-3, 0.1),
        }.ToImmutableDictionary();
}
