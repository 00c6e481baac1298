using System.Collections.Immutable;
using System.Reflection;
using ScalingLaws.Data;
using ScalingLaws.Display;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Validation;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Continual;
using ScalingLaws.Optimization.Mixtures;
using Xunit;

namespace ScalingLaws.Tests.Display;

public class HtmlViewTests
{
    // loss = 1.5 + 40·N^-0.3 exactly, at five sizes; the target's name needs escaping.
    private static readonly double[] Sizes = [1e6, 3e6, 1e7, 3e7, 1e8];
    private static RunTable Runs() => new("runs <a&b>",
        [RunColumn.Numeric("N", Sizes), RunColumn.Numeric("loss<1>", Sizes.Select(n => 1.5 + 40 * Math.Pow(n, -0.3))),
         RunColumn.Text("name", ["a", null, "c", "d", "e"])]);

    private static FitResult Fit(FitOptions? options = null)
    {
        var law = FormulaLaw.Create("E + A*N^-alpha", ["N"]);
        return LevenbergMarquardt.Fit(law, Runs().ToFitData(law.Variables, "loss<1>"), options ?? new FitOptions
        {
            Initial = ImmutableDictionary<string, double>.Empty.Add("E", 1).Add("A", 30).Add("alpha", 0.25),
        });
    }

    [Fact]
    public void FitShowsEveryParameterWithItsErrorBoundsAndTheStatistics()
    {
        var fit = Fit();
        string html = HtmlView.Render(fit);
        Assert.StartsWith("<div class=\"scaling-laws fit\">", html);
        Assert.Contains("→ loss&lt;1&gt;</strong>: converged", html);
        foreach (var p in fit.Parameters)
            Assert.Contains($"<td style=\"text-align:left\">{p.Name}</td><td style=\"text-align:right\">{p.Value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}</td>", html);
        Assert.Contains("<caption>Parameters</caption>", html);
        Assert.Contains("<th>± SE</th>", html.Replace("&#177;", "±"));
        Assert.Contains("<caption>Statistics</caption>", html);
        Assert.Contains("<td style=\"text-align:right\">5</td><td style=\"text-align:right\">3</td><td style=\"text-align:right\">2</td>", html);
        Assert.Equal(0.3, fit["alpha"].Value, 6);
    }

    [Fact]
    public void FixedParametersAndMissingStandardErrorsAreSaid()
    {
        var fit = Fit(new FitOptions
        {
            Initial = ImmutableDictionary<string, double>.Empty.Add("E", 1).Add("A", 30).Add("alpha", 0.25),
            Fixed = ImmutableDictionary<string, double>.Empty.Add("E", 1.5),
        });
        string html = HtmlView.Render(fit);
        Assert.Contains("<td style=\"text-align:left\">fixed</td>", html);
        if (!fit.Covariance.IsAvailable) Assert.Contains("Standard errors unavailable", html);
        var warned = fit with { Warnings = ["parameter <x> & y"] };
        Assert.Contains("<li>parameter &lt;x&gt; &amp; y</li>", HtmlView.Render(warned));
    }

    [Fact]
    public void TableHeadShowsTheFirstRowsAndLeavesMissingCellsEmpty()
    {
        var table = Runs();
        string html = HtmlView.Render(table, rows: 2);
        Assert.Contains("runs &lt;a&amp;b&gt;</strong>: 5 rows &#215; 3 columns, first 2 shown", html);
        Assert.Contains("<th>loss&lt;1&gt;</th>", html);
        Assert.Equal(2, html.Split("<tr>").Length - 2); // header row + 2 body rows
        Assert.Contains("<td style=\"text-align:right\">3E+06</td><td style=\"text-align:right\">", html);
        Assert.EndsWith("<td style=\"text-align:left\"></td></tr></tbody></table>\n</div>", html);
        Assert.Throws<ArgumentOutOfRangeException>(() => HtmlView.Render(table, rows: -1));
        string text = TextView.Head(table, 1);
        Assert.Equal(3, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void HoldOutAndComparisonShowInSampleBesideHeldOut()
    {
        var table = Runs();
        var law = FormulaLaw.Create("E + A*N^-alpha", ["N"]);
        var options = new ValidationOptions { Fit = new FitOptions { Initial = ImmutableDictionary<string, double>.Empty.Add("E", 1).Add("A", 30).Add("alpha", 0.25) } };
        var holdOut = HoldOut.Evaluate(law, table, "loss<1>", HoldOutSplit.FromTestRows(5, [4]), options);
        string html = HtmlView.Render(holdOut);
        Assert.Contains("fitted on 4 rows, predicted 1", html);
        Assert.Contains("<td style=\"text-align:left\">in-sample</td><td style=\"text-align:right\">4</td>", html);
        Assert.Contains("<td style=\"text-align:left\">held-out</td><td style=\"text-align:right\">1</td>", html);
        Assert.Contains("<caption>Held-out rows</caption>", html);
        Assert.Equal(holdOut.Summary(), TextView.TryRender(holdOut));
    }

    [Fact]
    public void ValuesWithoutAViewGetNone()
    {
        Assert.Null(HtmlView.TryRender("text"));
        Assert.Null(HtmlView.TryRender(null));
        Assert.Null(TextView.TryRender(42));
    }

    public static TheoryData<Type> DisplayedTypes() =>
    [
        typeof(FitResult), typeof(RunTable), typeof(MixturePlan), typeof(BudgetAllocation), typeof(ContinualPretrainingChoice),
        typeof(CriticalMixtureRatioResult), typeof(HoldOutResult), typeof(CrossValidationResult), typeof(LawComparisonResult),
    ];

    /// <summary>What .NET Interactive does: find an attribute named TypeFormatterSourceAttribute, make its source, format.</summary>
    [Theory]
    [MemberData(nameof(DisplayedTypes))]
    public void TheKernelFindsTheFormattersByName(Type type)
    {
        var attribute = type.GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType, nonPublic: true)!;
        var formatters = ((IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).ToList();
        Assert.Equal(["text/html", "text/plain"], formatters.Select(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)!));
        if (type != typeof(FitResult)) return;
        var writer = new StringWriter();
        var format = formatters[0].GetType().GetMethod("Format", BindingFlags.Public | BindingFlags.Instance)!;
        Assert.True((bool)format.Invoke(formatters[0], [Fit(), writer])!);
        Assert.StartsWith("<div class=\"scaling-laws fit\">", writer.ToString());
        Assert.False((bool)format.Invoke(formatters[0], ["not a result", new StringWriter()])!);
        var plain = new StringWriter();
        Assert.True((bool)formatters[1].GetType().GetMethod("Format")!.Invoke(formatters[1], [Fit(), plain])!);
        Assert.StartsWith("[[Fit]]", plain.ToString());
    }
}
