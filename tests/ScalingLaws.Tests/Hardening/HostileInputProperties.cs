using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Data;
using ScalingLaws.Expressions;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Tests.Hardening;

/// <summary>
/// Hostile input at the library level: every generated CSV text, formula and option value is either accepted or rejected
/// with the library's own bad-input exception (DataException, FormulaException, FormatException, ArgumentException) —
/// never another exception. Seeded (Replay) so every CI run checks the same 95,000 cases; for a release check run with a
/// larger MaxTest (see docs/hardening.md).
/// </summary>
public class HostileInputProperties
{
    private static Property Holds(Func<Random, string?> check) =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var failure = check(new Random(seed));
            return failure is null ? true.ToProperty() : false.Label($"seed {seed}: {failure}");
        });

    [Property(MaxTest = 50_000, Replay = "20261203,11")]
    public Property CsvTextIsReadOrRejectedWithALocatedError() => Holds(random =>
    {
        var text = HostileText.Csv(random);
        try
        {
            var table = CsvRunReader.Read(new StringReader(text), "hostile.csv");
            foreach (var column in table.Columns)
                for (int i = 0; i < table.RowCount; i++) _ = column.Format(i);
            return table.RowCount > 0 ? null : "a table without rows";
        }
        catch (DataException e) { return e.Message.Length is > 0 and < 3000 ? null : $"message of {e.Message.Length} characters"; }
        catch (Exception e) { return $"{e.GetType().Name}: {e.Message} for {Show(text)}"; }
    });

    [Property(MaxTest = 35_000, Replay = "20261203,13")]
    public Property FormulasParseOrFailWithAColumn() => Holds(random =>
    {
        var text = HostileText.Formula(random);
        try
        {
            var formula = Formula.Parse(text);
            if (random.Next(25) != 0) return null;
            var law = FormulaLaw.Create(text, ["x", "N", "D"]);
            var theta = law.Parameters.Select(_ => random.NextDouble() * 4 - 2).ToArray();
            var x = law.Variables.Select(_ => random.NextDouble() * 10).ToArray();
            _ = law.Evaluate(theta, x);
            return null;
        }
        catch (FormulaException e) { return e.Column >= 1 ? null : $"column {e.Column}"; }
        catch (ArgumentException) { return null; }
        catch (Exception e) { return $"{e.GetType().Name}: {e.Message} for {Show(text)}"; }
    });

    [Property(MaxTest = 20_000, Replay = "20261203,17")]
    public Property OptionValuesAreAcceptedOrRejected() => Holds(random =>
    {
        var text = HostileText.Mutate(random, random.Next(4) switch { 0 => "huber:0.001", 1 => "1.5e6", 2 => "cauchy:2", _ => "70M" }, random.Next(0, 4));
        try
        {
            _ = RobustLoss.Parse(text);
        }
        catch (FormatException) { }
        catch (Exception e) { return $"loss: {e.GetType().Name}: {e.Message} for {Show(text)}"; }
        _ = NumberText.TryParse(text, out _);
        double lo = Pick(random), hi = Pick(random), step = Pick(random);
        try { _ = GridAxis.Range("a", lo, hi, step); }
        catch (ArgumentException) { }
        catch (Exception e) { return $"grid {lo}:{hi}:{step}: {e.GetType().Name}: {e.Message}"; }
        return null;
    });

    private static double Pick(Random random) => random.Next(6) switch
    {
        0 => double.NaN,
        1 => double.PositiveInfinity,
        2 => -random.NextDouble() * 1e6,
        3 => random.NextDouble() * 1e-300,
        _ => random.NextDouble() * Math.Pow(10, random.Next(0, 8)),
    };

    private static string Show(string text) => text.Length <= 200 ? $"'{text}'" : $"'{text[..200]}…' ({text.Length} characters)";
}
