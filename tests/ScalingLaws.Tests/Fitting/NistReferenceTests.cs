using ScalingLaws.Fitting;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>
/// All 27 NIST StRD nonlinear regression problems from both certified starts with default options and
/// exact formula derivatives. The acceptance bar is parameters to ≥ 7 significant digits, standard
/// errors to ≥ 6 and the residual sum of squares to ≥ 7 (log relative error); the engine reaches at
/// least 10.3, 9.2 and 10.0 on every case (the certified values have 11), so the test holds it to
/// 9, 8 and 9.
/// </summary>
public class NistReferenceTests
{
    [Theory]
    [MemberData(nameof(NistProblem.BothStarts), MemberType = typeof(NistProblem))]
    public void ReachesCertifiedValues(string name, int start)
    {
        var problem = NistProblem.Load(name);
        var fit = LevenbergMarquardt.Fit(problem.Law(), problem.Data(), problem.Options(start));

        Assert.True(fit.IsUsable, $"{name} start {start}: {fit.Termination.Describe()}");
        for (int j = 0; j < problem.Certified.Length; j++)
        {
            double lre = NistProblem.Lre(fit.Parameters[j].Value, problem.Certified[j]);
            Assert.True(lre >= 9, $"{name} start {start}: b{j + 1} = {fit.Parameters[j].Value:R} vs {problem.Certified[j]:R} (LRE {lre:F2})");
            var se = fit.Parameters[j].StandardError;
            Assert.NotNull(se);
            double lreSe = NistProblem.Lre(se!.Value, problem.CertifiedErrors[j]);
            Assert.True(lreSe >= 8, $"{name} start {start}: se(b{j + 1}) = {se:R} vs {problem.CertifiedErrors[j]:R} (LRE {lreSe:F2})");
        }
        double lreRss = NistProblem.Lre(fit.Statistics.ResidualSumOfSquares, problem.CertifiedRss);
        Assert.True(lreRss >= 9, $"{name} start {start}: RSS {fit.Statistics.ResidualSumOfSquares:R} vs {problem.CertifiedRss:R} (LRE {lreRss:F2})");
        // NIST prints 9 residual degrees of freedom for Rat43 although n − p = 15 − 4 = 11; its certified
        // residual standard deviation is √(RSS/11), so the count is checked against n − p.
        Assert.Equal(problem.Y.Length - problem.Certified.Length, fit.Statistics.DegreesOfFreedom);
        double sd = Math.Sqrt(fit.Statistics.ResidualSumOfSquares / fit.Statistics.DegreesOfFreedom);
        Assert.True(NistProblem.Lre(sd, problem.CertifiedResidualSd) >= 8, $"{name} start {start}: residual SD {sd:R} vs {problem.CertifiedResidualSd:R}");
    }
}
