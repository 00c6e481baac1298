using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>
/// The normal-equations factorisation that screens starts against the Householder QR it stands in for: the same
/// damped steps (RᵀR = JᵀJ and Rᵀz = Jᵀb), a dependent column handled as QR's zero pivot, and a solver run on it
/// that converges to the QR run's optimum and allocates nothing.
/// </summary>
public class NormalEquationsTests
{
    [Theory]
    [InlineData(240, 5, 1e-3)]
    [InlineData(37, 3, 0.0)]
    [InlineData(9, 4, 10.0)]
    public void DampedStepsEqualThoseFromTheQr(int n, int k, double lambda)
    {
        var random = new Random(n * 31 + k);
        var jacobian = new double[n * k];
        for (int i = 0; i < jacobian.Length; i++) jacobian[i] = random.NextDouble() * 4 - 2;
        var b = new double[n];
        for (int i = 0; i < n; i++) b[i] = random.NextDouble() - 0.5;
        int[] active = [.. Enumerable.Range(0, k).Reverse()];
        var diagonal = Enumerable.Range(0, k).Select(a => 0.5 + a).ToArray();

        var viaQr = QrStep(jacobian, b, n, active, diagonal, lambda);
        var viaNormal = NormalStep(jacobian, b, active, diagonal, lambda);

        for (int q = 0; q < k; q++)
            Assert.True(Math.Abs(viaQr[q] - viaNormal[q]) <= 1e-10 * viaQr.Max(Math.Abs), $"δ{q}: QR {viaQr[q]:R}, normal equations {viaNormal[q]:R}");
    }

    [Fact]
    public void ADependentColumnGivesAZeroRowAsInTheQr()
    {
        const int n = 50, k = 3;
        var random = new Random(5);
        var jacobian = new double[n * k];
        for (int i = 0; i < n; i++)
        {
            jacobian[i] = random.NextDouble() + 0.5;
            jacobian[n + i] = 3 * jacobian[i];                 // column 1 = 3 · column 0
            jacobian[2 * n + i] = random.NextDouble() - 0.5;
        }
        var b = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        int[] active = [0, 1, 2];
        var normal = new NormalEquations(k);
        normal.Form(jacobian, b);
        var r = new double[k * k];
        normal.Factorize(active, k, r);

        Assert.Equal([0.0, 0.0], r.AsSpan(k + 1, 2).ToArray());
        Assert.Equal(0.0, normal.Projected[1]);
        // With damping the step is the QR's (whose pivot is rounding-sized rather than zero) to many digits.
        double[] diagonal = [1, 1, 1];
        var viaQr = QrStep(jacobian, b, n, active, diagonal, 1e-2);
        var viaNormal = NormalStep(jacobian, b, active, diagonal, 1e-2);
        for (int q = 0; q < k; q++)
            Assert.True(Math.Abs(viaQr[q] - viaNormal[q]) <= 1e-8 * viaQr.Max(Math.Abs), $"δ{q}: QR {viaQr[q]:R}, normal equations {viaNormal[q]:R}");
    }

    [Fact]
    public void ARunOnTheNormalEquationsReachesTheQrOptimumAndAllocatesNothing()
    {
        var (x, y, _) = ChinchillaShapedLog.Create(400, seed: 3, noise: 0.01, outlierEvery: 41, weight: (_, _) => 1);
        var law = LawCatalog.Create("chinchilla");
        var options = new FitOptions
        {
            Loss = new HuberLoss(1e-3), Space = ResidualSpace.Log,
            Initial = ImmutableDictionary<string, double>.Empty.Add("a", 5).Add("b", 5).Add("e", 0.5).Add("alpha", 0.3).Add("beta", 0.3),
        };
        var problem = FitProblem.Create(law, new FitData(["N", "D"], x, y), options);
        var solver = new LmSolver(problem, LmSolver.BlockRows(problem.Data.Count));
        double[] start = [.. problem.Initial];

        var (qrObjective, qrTermination, _) = solver.Run(start, CancellationToken.None);
        var qrTheta = solver.Theta.ToArray();
        solver.Run(start, CancellationToken.None, normalEquations: true);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var (objective, termination, _) = solver.Run(start, CancellationToken.None, normalEquations: true);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(qrTermination.IsConverged(), qrTermination.Describe());
        Assert.True(termination.IsConverged(), termination.Describe());
        Assert.Equal(0, allocated);
        Assert.Equal(qrObjective, objective, 1e-9 * qrObjective);
        for (int j = 0; j < qrTheta.Length; j++)
            Assert.True(Math.Abs(qrTheta[j] - solver.Theta[j]) <= 1e-5 * Math.Abs(qrTheta[j]), $"θ{j}: {qrTheta[j]:R} vs {solver.Theta[j]:R}");
        // The solver is back on QR afterwards: the same run gives the same bits as before.
        var (again, _, _) = solver.Run(start, CancellationToken.None);
        Assert.Equal(qrObjective, again);
    }

    private static double[] QrStep(double[] jacobian, double[] b, int n, int[] active, double[] diagonal, double lambda)
    {
        int k = active.Length;
        var qr = new HouseholderQr(n, k);
        for (int q = 0; q < k; q++) Array.Copy(jacobian, active[q] * n, qr.Columns, q * n, n);
        Array.Copy(b, qr.RightHandSide, n);
        var r = new double[k * k];
        qr.Factorize(n, k, r);
        var damped = new DampedLeastSquares(k);
        damped.Solve(k, lambda, r, qr.RightHandSide, diagonal, active);
        return damped.Solution[..k];
    }

    private static double[] NormalStep(double[] jacobian, double[] b, int[] active, double[] diagonal, double lambda)
    {
        int k = active.Length;
        var normal = new NormalEquations(k);
        normal.Form(jacobian, b);
        var r = new double[k * k];
        normal.Factorize(active, k, r);
        var damped = new DampedLeastSquares(k);
        damped.Solve(k, lambda, r, normal.Projected, diagonal, active);
        return damped.Solution[..k];
    }
}
