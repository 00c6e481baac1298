using System.Globalization;
using ScalingLaws.Laws;
using ScalingLaws.Optimization.Continual;
using Xunit;

namespace ScalingLaws.Tests.Optimization;

/// <summary>Messages and formula texts do not depend on the current culture (run under de-DE).</summary>
public sealed class CultureInvarianceTests : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    public CultureInvarianceTests() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

    public void Dispose() => CultureInfo.CurrentCulture = _previous;

    [Fact]
    public void ToleranceMessageUsesInvariantNumbers()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LossTolerance.Absolute(-0.5));
        Assert.Contains("(got -0.5)", error.Message);
    }

    [Fact]
    public void FormulasAreTheSameUnderAnyCulture()
    {
        Assert.Equal("exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))", LawCatalog.Create("chinchilla").Formula);
        Assert.DoesNotContain(",5", LawCatalog.Create("data-constrained").Formula);
        Assert.Equal(0.2976, CriticalMixtureRatio.FromTokensLaw(0.22524761, 0.26944345, -0.48139982, 100), 4);
    }
}
