using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;
using static ScalingLaws.Tests.Fitting.EngineTestProblems;

namespace ScalingLaws.Tests.Fitting;

/// <summary>
/// Robust losses in the Ceres convention (objective Σ ½ρ(rᵢ²), ρ given at s = r²): values and
/// derivatives against their definitions, the Huber objective of a fit, and outlier resistance.
/// </summary>
public class EngineRobustLossTests
{
    private static Gen<double> LogUniform(double lowExp, double highExp) =>
        Gen.Choose(0, 1_000_000).Select(k => Math.Pow(10, lowExp + (highExp - lowExp) * k / 1_000_000.0));

    private static Gen<(double S, double C)> Points() =>
        from s in LogUniform(-6, 6) from c in LogUniform(-3, 3) select (s, c);

    private static void CheckDerivative(RobustLoss loss, double s)
    {
        loss.Evaluate(s, out double d);
        double h = 1e-6 * s;
        double fd = (loss.Evaluate(s + h, out _) - loss.Evaluate(s - h, out _)) / (2 * h);
        Assert.True(Math.Abs(fd - d) <= 1e-5 * Math.Max(Math.Abs(d), 1e-12) + 1e-9 * Math.Abs(loss.Evaluate(s, out _)) / s,
            $"{loss.ToText()} at s={s}: ρ′ = {d}, finite difference {fd}");
    }

    /// <summary>2c²(√(1 + z) − 1), z = s/c², by its Taylor series where the direct form cancels.</summary>
    private static double SoftL1Reference(double s, double c)
    {
        double z = s / (c * c);
        double root = z < 1e-3 ? z / 2 - z * z / 8 + z * z * z / 16 - 5 * z * z * z * z / 128 : Math.Sqrt(1 + z) - 1;
        return 2 * c * c * root;
    }

    /// <summary>c²·ln(1 + z), z = s/c², by its Taylor series where the direct form cancels.</summary>
    private static double CauchyReference(double s, double c)
    {
        double z = s / (c * c);
        double log = z < 1e-3 ? z - z * z / 2 + z * z * z / 3 - z * z * z * z / 4 + z * z * z * z * z / 5 : Math.Log(1 + z);
        return c * c * log;
    }

    [Property(MaxTest = 500)]
    public Property HuberMatchesDefinition() => Prop.ForAll(Arb.From(Points()), p =>
    {
        var (s, delta) = p;
        var loss = new HuberLoss(delta);
        double r = Math.Sqrt(s);
        double value = loss.Evaluate(s, out double d);
        double expected = s <= delta * delta ? s : 2 * delta * r - delta * delta;
        AssertRelative(expected, value, 1e-14, "ρ");
        AssertRelative(s <= delta * delta ? 1 : delta / r, d, 1e-14, "ρ′");
        AssertRelative(r <= delta ? r * r / 2 : delta * (r - delta / 2), loss.Cost(r), 1e-13, "½ρ(r²)");
        AssertRelative(loss.Cost(r), loss.Cost(-r), 0, "symmetry");
        if (Math.Abs(s - delta * delta) > 1e-4 * delta * delta) CheckDerivative(loss, s);
    });

    [Property(MaxTest = 500)]
    public Property SoftL1MatchesDefinition() => Prop.ForAll(Arb.From(Points()), p =>
    {
        var (s, c) = p;
        var loss = new SoftL1Loss(c);
        double value = loss.Evaluate(s, out double d);
        AssertRelative(SoftL1Reference(s, c), value, 1e-12, "ρ");
        AssertRelative(1 / Math.Sqrt(1 + s / (c * c)), d, 1e-14, "ρ′");
        Assert.True(value <= s * (1 + 1e-12), "soft-L1 never exceeds the squared loss");
        CheckDerivative(loss, s);
    });

    [Property(MaxTest = 500)]
    public Property CauchyMatchesDefinition() => Prop.ForAll(Arb.From(Points()), p =>
    {
        var (s, c) = p;
        var loss = new CauchyLoss(c);
        double value = loss.Evaluate(s, out double d);
        AssertRelative(CauchyReference(s, c), value, 1e-12, "ρ");
        AssertRelative(1 / (1 + s / (c * c)), d, 1e-14, "ρ′");
        Assert.True(value <= s * (1 + 1e-12), "Cauchy never exceeds the squared loss");
        CheckDerivative(loss, s);
    });

    [Fact]
    public void SmallResidualsBehaveLikeSquaredLoss()
    {
        foreach (RobustLoss loss in new RobustLoss[] { new HuberLoss(1), new SoftL1Loss(1), new CauchyLoss(1), SquaredLoss.Instance })
        {
            double value = loss.Evaluate(1e-10, out double d);
            AssertRelative(1e-10, value, 1e-9, loss.ToText());
            AssertRelative(1, d, 1e-9, loss.ToText());
        }
    }

    [Fact]
    public void HuberObjectiveOfAFitWithKnownResidualsIsSumOfRho()
    {
        // Location fit of symmetric data: the Huber optimum is a = 0 by symmetry, so rᵢ = −yᵢ.
        double[] y = [-3, -0.5, -0.2, 0.2, 0.5, 3];
        var data = new FitData(["x"], new double[y.Length], y);
        var law = FormulaLaw.Create("a", ["x"], ["a"]);
        var fit = LevenbergMarquardt.Fit(law, data, new FitOptions { Loss = new HuberLoss(1), Initial = Map(("a", 0.7)) });
        Assert.True(fit.IsUsable);
        Assert.True(Math.Abs(fit["a"].Value) < 1e-8, $"a = {fit["a"].Value}");
        // ½(0.5² + 0.2² + 0.2² + 0.5²) inside δ = 1, 1·(3 − ½) twice outside.
        double expected = 0.5 * (0.25 + 0.04 + 0.04 + 0.25) + 2 * (3 - 0.5);
        AssertRelative(expected, fit.Objective, 1e-12, "objective");
        Assert.Equal(new HuberLoss(1), fit.Loss);
    }

    [Fact]
    public void SquaredLossObjectiveIsHalfTheResidualSumOfSquares()
    {
        var fit = LevenbergMarquardt.Fit(DecayLaw(), Decay(0.05));
        AssertRelative(0.5 * fit.Statistics.ResidualSumOfSquares, fit.Objective, 1e-12, "objective");
    }

    [Theory]
    [InlineData("huber:0.1")]
    [InlineData("soft-l1:0.1")]
    [InlineData("cauchy:0.1")]
    public void RobustFitResistsAGrossOutlier(string lossText)
    {
        var data = Line(0.05);
        var y = data.Y.ToArray();
        y[20] += 50;
        var dirty = new FitData(data.Variables, data.X, y);
        var l2 = LevenbergMarquardt.Fit(LineLaw(), dirty, new FitOptions { Loss = SquaredLoss.Instance });
        var robust = LevenbergMarquardt.Fit(LineLaw(), dirty, new FitOptions { Loss = RobustLoss.Parse(lossText) });
        var clean = LevenbergMarquardt.Fit(LineLaw(), data);
        Assert.True(robust.IsUsable);
        double Distance(FitResult f) => Math.Sqrt(Math.Pow(f["a"].Value - clean["a"].Value, 2) + Math.Pow(f["b"].Value - clean["b"].Value, 2));
        Assert.True(Distance(l2) > 0.5, $"L2 moved only {Distance(l2)}");
        Assert.True(Distance(robust) < 0.1 * Distance(l2), $"{lossText}: {Distance(robust)} vs L2 {Distance(l2)}");
    }
}
