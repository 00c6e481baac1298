using System.Globalization;
using System.Text;
using ScalingLaws.Tests;
using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>NIST StRD problems end to end through 'fit --formula': CSV in, JSON out, certified values.</summary>
public class NistCliTests
{
    [Theory]
    [InlineData("Misra1a", 1)]
    [InlineData("MGH09", 1)]
    [InlineData("Thurber", 2)]
    [InlineData("BoxBOD", 1)]
    [InlineData("Nelson", 2)]
    public void FitsFormulaFromCsvToCertifiedValues(string name, int start)
    {
        var problem = NistProblem.Load(name);
        var x = problem.X; var y = problem.Y; var x2 = problem.X2;
        bool logResponse = problem.LogResponse;
        bool twoVariables = x2 is not null;
        var csv = new StringBuilder(twoVariables ? "x,x2,y\n" : "x,y\n");
        for (int i = 0; i < x.Length; i++)
            csv.Append(x[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
               .Append(x2 is null ? "" : x2[i].ToString("R", CultureInfo.InvariantCulture) + ",")
               .Append(y[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        var path = CliRunner.WriteTemp(name + ".csv", csv.ToString());
        var starts = problem.Start(start);
        var startText = string.Join(",", starts.Select((v, j) => $"b{j + 1}={v.ToString("R", CultureInfo.InvariantCulture)}"));
        var args = new List<string> { "fit", "--data", path, "--formula", problem.Formula, "--target", "y", "--start", startText, "--format", "json" };
        if (logResponse) { args.AddRange(["--derive", "logy=log(y)", "--target", "logy"]); args.RemoveRange(5, 2); }
        var result = CliRunner.Run([.. args]);

        Assert.True(result.ExitCode == 0, result.Error);
        var certified = problem.Certified;
        var parameters = result.Json.GetProperty("parameters").EnumerateArray().ToList();
        for (int j = 0; j < certified.Length; j++)
        {
            double value = parameters[j].GetProperty("value").GetDouble();
            Assert.True(NistProblem.Lre(value, certified[j]) >= 7, $"{name}: b{j + 1} = {value:R} vs {certified[j]:R}");
        }
        Assert.Equal(1, result.Json.GetProperty("schemaVersion").GetInt32());
        Assert.True(result.Json.GetProperty("usable").GetBoolean());
    }
}
