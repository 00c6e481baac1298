using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Tests.Data;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>
/// A fit through the row cache (batch evaluation) is the very same fit as one evaluating row by row:
/// same objective, parameters, iterations and termination, bit for bit.
/// </summary>
public class RowCacheFitTests
{
    public static TheoryData<string> Problems() => [.. NistProblem.Names];

    [Theory]
    [MemberData(nameof(Problems))]
    public void NistFitsAreIdenticalWithAndWithoutTheCache(string name)
    {
        var problem = NistProblem.Load(name);
        var law = problem.Law();
        Assert.IsAssignableFrom<IRowCachedLaw>(law);
        for (int start = 1; start <= 2; start++)
            AssertSameFit(LevenbergMarquardt.Fit(law, problem.Data(), problem.Options(start)),
                LevenbergMarquardt.Fit(new RowByRow(law), problem.Data(), problem.Options(start)));
    }

    [Theory]
    [InlineData("formula")]
    [InlineData("chinchilla")]
    public void ChinchillaFitsAreIdenticalWithAndWithoutTheCache(string which)
    {
        var table = EpochChinchillaReader.Read(DataPaths.Data("epoch-chinchilla", "svg_extracted_data.csv"), EpochChinchillaReader.PublishedDropCount);
        IScalingLaw law = which == "chinchilla"
            ? new ChinchillaLaw()
            : FormulaLaw.Create("exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))", table.ColumnNames);
        var data = table.ToFitData(law.Variables, "loss");
        var options = new FitOptions
        {
            Loss = new HuberLoss(1e-3),
            Space = ResidualSpace.Log,
            Starts = new GridStarts([GridAxis.Range("a", 0, 25, 12.5), GridAxis.Range("b", 0, 25, 12.5), GridAxis.Range("e", -1, 1, 1),
                GridAxis.Range("alpha", 0, 2, 1), GridAxis.Range("beta", 0, 2, 1)]),
            Screening = new StartScreening(Iterations: 5, Survivors: 8),
        };
        AssertSameFit(LevenbergMarquardt.Fit(law, data, options), LevenbergMarquardt.Fit(new RowByRow(law), data, options));
    }

    private static void AssertSameFit(FitResult cached, FitResult direct)
    {
        Assert.Equal(direct.Termination, cached.Termination);
        Assert.Equal(direct.Iterations, cached.Iterations);
        Assert.Equal(direct.Starts, cached.Starts);
        Assert.Equal(BitConverter.DoubleToInt64Bits(direct.Objective), BitConverter.DoubleToInt64Bits(cached.Objective));
        for (int j = 0; j < direct.Parameters.Length; j++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(direct.Parameters[j].Value), BitConverter.DoubleToInt64Bits(cached.Parameters[j].Value));
            Assert.Equal(direct.Parameters[j].StandardError, cached.Parameters[j].StandardError);
        }
    }

    /// <summary>The same law without its row cache, so the solver evaluates it row by row.</summary>
    private sealed class RowByRow(IScalingLaw law) : IExtendedPrecisionLaw
    {
        public bool TryEvaluateExtended(ReadOnlySpan<ScalingLaws.Expressions.DoubleDouble> parameters, ReadOnlySpan<ScalingLaws.Expressions.DoubleDouble> x, out ScalingLaws.Expressions.DoubleDouble value)
        {
            value = default;
            return law is IExtendedPrecisionLaw e && e.TryEvaluateExtended(parameters, x, out value);
        }

        public string Name => law.Name;
        public string Formula => law.Formula;
        public ImmutableArray<string> Variables => law.Variables;
        public ImmutableArray<ParameterSpec> Parameters => law.Parameters;
        public string Citation => law.Citation;
        public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x) => law.Evaluate(parameters, x);
        public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient) =>
            law.EvaluateWithGradient(parameters, x, gradient);
        public FitRecipe DefaultRecipe(FitData data) => law.DefaultRecipe(data);
    }
}
