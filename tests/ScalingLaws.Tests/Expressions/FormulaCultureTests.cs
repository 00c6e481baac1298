using System.Globalization;
using ScalingLaws.Expressions;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

/// <summary>Formulas parse and print the same under a culture with a decimal comma.</summary>
public sealed class FormulaCultureTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    public FormulaCultureTests() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

    public void Dispose() => CultureInfo.CurrentCulture = _culture;

    [Fact]
    public void NumbersUseTheInvariantDecimalPoint()
    {
        Assert.Equal(1500, Formula.Parse("1.5e3").Evaluate(new Dictionary<string, double>()));
        Assert.Equal(0.25, Formula.Parse("2.5E-1 * a").Evaluate(new Dictionary<string, double> { ["a"] = 1 }));
        Assert.Equal("(1.5 * a)", Formula.Parse("1.5*a").Root.ToString());
    }

    [Fact]
    public void DecimalCommaIsAnError() =>
        Assert.Equal("formula column 2: unexpected ','", Assert.Throws<FormulaException>(() => Formula.Parse("1,5 * a")).Message);

    [Fact]
    public void CompiledLawMatchesUnderTheCulture()
    {
        var law = FormulaLaw.Create("E + 406.4/N^0.34 + B/D^0.28", ["N", "D"]);
        Assert.Equal(1.69 + 406.4 / Math.Pow(7e10, 0.34) + 410.7 / Math.Pow(1.4e12, 0.28), law.Evaluate([1.69, 410.7], [7e10, 1.4e12]), 14);
    }
}
