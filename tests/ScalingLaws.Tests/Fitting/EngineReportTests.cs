using System.Globalization;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;
using static ScalingLaws.Tests.Fitting.EngineTestProblems;

namespace ScalingLaws.Tests.Fitting;

/// <summary>The lmfit-style text report and the one-line brief report.</summary>
public class EngineReportTests
{
    /// <summary>a + b·x + c·z with x far from 0 (a, b strongly correlated) and z centred and orthogonal to 1 and x.</summary>
    private static FitResult CorrelatedFit()
    {
        int n = 24;
        double[] xz = new double[2 * n], y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double x = 10 + (i / 2) * 0.1, z = i % 2 == 0 ? 1 : -1;
            xz[2 * i] = x; xz[2 * i + 1] = z;
            y[i] = 1 + 2 * x + 0.5 * z + 0.05 * Noise(i);
        }
        var law = FormulaLaw.Create("a + b*x + c*z", ["x", "z"], ["a", "b", "c"]);
        return LevenbergMarquardt.Fit(law, new FitData(["x", "z"], xz, y));
    }

    [Fact]
    public void ReportHasTheLmfitSections()
    {
        var fit = CorrelatedFit();
        string report = fit.Report();
        int fitAt = report.IndexOf("[[Fit]]"), stats = report.IndexOf("[[Statistics]]"), pars = report.IndexOf("[[Parameters]]");
        Assert.True(fitAt == 0 && stats > fitAt && pars > stats, report);
        Assert.Contains("formula            = y ~ a + b*x + c*z", report);
        Assert.Contains("loss, space        = l2, linear", report);
        Assert.Contains($"data points        = 24", report);
        Assert.Contains($"free parameters    = 3", report);
        Assert.Contains($"degrees of freedom = 21", report);
        Assert.Contains("R²", report);
        foreach (var p in fit.Parameters)
        {
            string se = p.StandardError!.Value.ToString("G7", CultureInfo.InvariantCulture);
            string pct = p.RelativeErrorPercent!.Value.ToString("F2", CultureInfo.InvariantCulture);
            Assert.Contains($"{p.Name.PadRight(6)} = {p.Value.ToString("G7", CultureInfo.InvariantCulture)} ± {se} ({pct}%)", report);
            AssertRelative(100 * p.StandardError.Value / Math.Abs(p.Value), p.RelativeErrorPercent.Value, 1e-14, p.Name);
        }
        Assert.DoesNotContain("[[Warnings]]", report);
    }

    [Fact]
    public void CorrelationsListOnlyPairsAboveNinetyPercent()
    {
        var fit = CorrelatedFit();
        var c = fit.Covariance;
        Assert.True(Math.Abs(c.Correlation(0, 1)) > 0.9);
        Assert.True(Math.Abs(c.Correlation(0, 2)) < 0.9);
        Assert.True(Math.Abs(c.Correlation(1, 2)) < 0.9);
        string report = fit.Report();
        Assert.Contains("[[Correlations]] (|C| > 0.9)", report);
        Assert.Contains($"C(a, b) = {c.Correlation(0, 1).ToString("F4", CultureInfo.InvariantCulture)}", report);
        Assert.DoesNotContain("C(a, c)", report);
        Assert.DoesNotContain("C(b, c)", report);
    }

    [Fact]
    public void NoCorrelationsSectionWhenNoPairIsStronglyCorrelated()
    {
        // x centred on 0: intercept and slope are uncorrelated.
        double[] x = [.. Enumerable.Range(-10, 21).Select(i => 0.1 * i)];
        double[] y = [.. x.Select((v, i) => 1 + 2 * v + 0.05 * Noise(i))];
        var fit = LevenbergMarquardt.Fit(LineLaw(), new FitData(["x"], x, y));
        Assert.True(Math.Abs(fit.Covariance.Correlation(0, 1)) < 0.1);
        Assert.DoesNotContain("[[Correlations]]", fit.Report());
    }

    [Fact]
    public void WarningsNameAParameterThatDidNotMoveAndOneAtABound()
    {
        // d has no effect on the model, so it stays at its initial value; b is capped below its optimum.
        var law = FormulaLaw.Create("a + b*x + 0*d", ["x"], ["a", "b", "d"]);
        var fit = LevenbergMarquardt.Fit(law, Line(), new FitOptions { Bounds = Bounds(("b", 0, 1.5)), Initial = Map(("d", 3.25)) });
        Assert.Equal(3.25, fit["d"].Value);
        string report = fit.Report();
        int warnings = report.IndexOf("[[Warnings]]");
        Assert.True(warnings > 0, report);
        string tail = report[warnings..];
        Assert.Contains("'d' did not move from its initial value (3.25)", tail);
        Assert.Contains("'b' is at its upper bound (1.5)", tail);
        Assert.Contains("(at upper bound 1.5)", report);
        Assert.DoesNotContain("'a' did not move", tail);
    }

    [Fact]
    public void FixedParametersAreMarkedInTheReport()
    {
        var fit = LevenbergMarquardt.Fit(DecayLaw(), Decay(), new FitOptions { Fixed = Map(("c", 0.5)) });
        string report = fit.Report();
        Assert.Contains("c      = 0.5 (fixed)", report);
        Assert.DoesNotContain("did not move", report);
    }

    [Fact]
    public void BriefReportIsOneLineWithEveryParameterAndItsStandardError()
    {
        var fit = CorrelatedFit();
        string brief = fit.BriefReport();
        Assert.DoesNotContain('\n', brief);
        Assert.StartsWith("formula → y: converged", brief);
        Assert.Contains(fit.Objective.ToString("G7", CultureInfo.InvariantCulture), brief);
        foreach (var p in fit.Parameters)
        {
            Assert.NotNull(p.StandardError);
            Assert.Contains($"{p.Name}={p.Value.ToString("G7", CultureInfo.InvariantCulture)} ± {p.StandardError!.Value.ToString("G7", CultureInfo.InvariantCulture)}", brief);
        }
    }

    [Fact]
    public void BriefReportSaysWhenTheFitFailed()
    {
        var fit = LevenbergMarquardt.Fit(DecayLaw(), Decay(), new FitOptions { MaxIterations = 1, Initial = Map(("k", 3.0)) });
        Assert.Equal(Termination.MaxIterations, fit.Termination);
        Assert.Contains("NOT converged (MaxIterations)", fit.BriefReport());
        Assert.Contains("The fit did not converge", fit.Report());
    }
}
