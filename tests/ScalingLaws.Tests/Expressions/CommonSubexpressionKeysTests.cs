using ScalingLaws.Expressions;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

public class CommonSubexpressionKeysTests
{
    private static string KeyOf(string text) => new CommonSubexpressionKeys().KeyOf(ConstantFolder.Fold(Formula.Parse(text).Root));

    [Theory]
    [InlineData("a*b", "b*a")]
    [InlineData("a + b*c", "c*b + a")]
    [InlineData("exp(a - alpha*log(N))", "exp(a - log(N)*alpha)")]
    [InlineData("x == y", "y == x")]
    [InlineData("2*3*x", "6*x")]
    [InlineData("ln(x)", "log(x)")]
    [InlineData("x**2", "x^2")]
    public void EqualValuesShareAKey(string left, string right) => Assert.Equal(KeyOf(left), KeyOf(right));

    [Theory]
    [InlineData("a - b", "b - a")]
    [InlineData("a / b", "b / a")]
    [InlineData("a ^ b", "b ^ a")]
    [InlineData("a < b", "b < a")]
    [InlineData("min(a, b)", "min(b, a)")]
    [InlineData("-a*b", "-(a*b)")]
    public void DifferentFormulasHaveDifferentKeys(string left, string right) => Assert.NotEqual(KeyOf(left), KeyOf(right));

    [Theory]
    [InlineData("2*pi*x/12", "((6.283185307179586 * x) / 12)")]
    [InlineData("-1/b3", "(-1 / b3)")]
    [InlineData("x * (log(4) - 2*log(2))", "(x * 0)")]
    [InlineData("(1 < 2) + a", "(1 + a)")]
    public void ParameterFreeNumericSubtreesAreFolded(string text, string folded) =>
        Assert.Equal(folded, ConstantFolder.Fold(Formula.Parse(text).Root).ToString());
}
