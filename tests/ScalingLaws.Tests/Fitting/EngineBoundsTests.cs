using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Fitting;
using Xunit;
using static ScalingLaws.Tests.Fitting.EngineTestProblems;

namespace ScalingLaws.Tests.Fitting;

/// <summary>Box constraints: parameters stay inside, pinned ones are reported as such, interior optima are unaffected.</summary>
public class EngineBoundsTests
{
    private static Gen<double> Uniform(double lower, double upper) =>
        Gen.Choose(0, 1_000_000).Select(k => lower + (upper - lower) * k / 1_000_000.0);

    private sealed record Box(double Lo, double Width, double Fraction)
    {
        public double Hi => Lo + Width;
        public double Start => Lo + Fraction * Width;
    }

    private static Gen<Box> Boxes(double lo, double hi) =>
        from l in Uniform(lo, hi)
        from w in Uniform(0.01, 2)
        from f in Uniform(0, 1)
        select new Box(l, w, f);

    [Property(MaxTest = 40)]
    public Property EveryParameterStaysInsideItsBox() =>
        Prop.ForAll(Arb.From(from a in Boxes(-1, 3) from k in Boxes(-0.5, 1) from c in Boxes(-1, 1) select (a, k, c)), boxes =>
        {
            var (a, k, c) = boxes;
            var options = new FitOptions
            {
                Bounds = Bounds(("A", a.Lo, a.Hi), ("k", k.Lo, k.Hi), ("c", c.Lo, c.Hi)),
                Initial = Map(("A", a.Start), ("k", k.Start), ("c", c.Start)),
                MaxDegreeOfParallelism = 1,
            };
            var fit = LevenbergMarquardt.Fit(DecayLaw(), Decay(), options);
            foreach (var (p, box) in fit.Parameters.Zip(new[] { a, k, c }))
            {
                Assert.Equal(box.Lo, p.Lower);
                Assert.Equal(box.Hi, p.Upper);
                Assert.InRange(p.Value, box.Lo, box.Hi);
                Assert.Equal(p.Value <= box.Lo ? BoundState.AtLower : p.Value >= box.Hi ? BoundState.AtUpper : BoundState.Free, p.Bound);
            }
        });

    [Fact]
    public void ParameterPinnedAtUpperBoundIsReportedWithoutStandardError()
    {
        // The slope is 2; capping it at 1 pins it there.
        var fit = LevenbergMarquardt.Fit(LineLaw(), Line(), new FitOptions { Bounds = Bounds(("b", 0, 1)), Initial = Map(("b", 0.5)) });
        var b = fit["b"];
        Assert.True(fit.IsUsable);
        Assert.Equal(1.0, b.Value);
        Assert.Equal(BoundState.AtUpper, b.Bound);
        Assert.True(b.AtBound);
        Assert.Null(b.StandardError);
        Assert.Equal(BoundState.Free, fit["a"].Bound);
        Assert.NotNull(fit["a"].StandardError);
        Assert.DoesNotContain("b", fit.Covariance.Names);
        Assert.Contains(fit.Warnings, w => w.Contains("'b' is at its upper bound"));
    }

    [Fact]
    public void ParameterPinnedAtLowerBoundIsReportedWithoutStandardError()
    {
        var fit = LevenbergMarquardt.Fit(LineLaw(), Line(), new FitOptions { Bounds = Bounds(("b", 5, 10)), Initial = Map(("b", 7.0)) });
        var b = fit["b"];
        Assert.Equal(5.0, b.Value);
        Assert.Equal(BoundState.AtLower, b.Bound);
        Assert.True(b.AtBound);
        Assert.Null(b.StandardError);
        Assert.Contains(fit.Warnings, w => w.Contains("'b' is at its lower bound"));
        Assert.DoesNotContain(fit.Warnings, w => w.Contains("'a' is at its"));
    }

    [Fact]
    public void InteriorOptimumEqualsTheUnboundedFit()
    {
        var free = LevenbergMarquardt.Fit(DecayLaw(), Decay());
        var bounded = LevenbergMarquardt.Fit(DecayLaw(), Decay(),
            new FitOptions { Bounds = Bounds(("A", 0, 10), ("k", 0.01, 3), ("c", -2, 2)) });
        Assert.True(free.IsUsable);
        Assert.True(bounded.IsUsable);
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(BoundState.Free, bounded.Parameters[j].Bound);
            AssertRelative(free.Parameters[j].Value, bounded.Parameters[j].Value, 1e-8, free.Parameters[j].Name);
            AssertRelative(free.Parameters[j].StandardError!.Value, bounded.Parameters[j].StandardError!.Value, 1e-6, free.Parameters[j].Name + " SE");
        }
        AssertRelative(free.Objective, bounded.Objective, 1e-10, "objective");
    }
}
