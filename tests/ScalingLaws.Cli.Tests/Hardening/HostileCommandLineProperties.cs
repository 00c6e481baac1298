using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ScalingLaws.Cli.Tests.Hardening;

/// <summary>
/// Hostile command lines and fit documents through the real CLI, in-process: every case exits 0, 1 or 2, says why on
/// stderr when it fails, never reports an internal error, and leaves no file behind in its folder. Seeded (Replay).
/// </summary>
public class HostileCommandLineProperties
{
    private static readonly string[] Options =
    [
        "--target", "--formula", "--start", "--bounds", "--fix", "--loss", "--space", "--grid", "--starts", "--seed", "--threads",
        "--where", "--derive", "--drop-highest", "--format", "--max-iterations", "--allow-unconverged", "--no-screening", "--law",
    ];

    private static readonly string[] Values =
    [
        "y", "x", "a*x+c", "a*x^b+c", "a=1", "a=0:1", "a=0:1:0.5", "a=1e400", "c=-inf", "huber:0", "cauchy:1", "log", "linear", "nan",
        "0", "-1", "3", "99999999999", "x>1", "z=x*2", "x=x", "json", "csv", "table", "chinchilla", "", "=", ",", "a=", "b=0:1e308:1e-308",
        "a=0:10:1,c=0:10:1", "sqrt(a)*x", "log(x)", "((x)", "x/0", "y ~ x",
    ];

    [Property(MaxTest = 700, Replay = "20261203,19")]
    public Property FitCommandLinesEndCleanly() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var folder = CliRunner.TempDir();
            var data = Path.Combine(folder, "runs.csv");
            File.WriteAllText(data, "x,y\n0,1\n1,3\n2,3.8\n3,4.4\n4,5\n5,5.4\n");
            var args = new List<string> { "fit", "--data", data, "--target", "y", "--formula", "a*x+c", "--threads", "1" };
            for (int k = random.Next(1, 5); k > 0; k--)
            {
                args.Add(Options[random.Next(Options.Length)]);
                args.Add(Values[random.Next(Values.Length)]);
            }
            if (random.Next(3) == 0) args.AddRange(["--output", Path.Combine(folder, "fit.json")]);
            return Check(args, folder, ["runs.csv", "fit.json"]);
        });

    [Property(MaxTest = 300, Replay = "20261203,23")]
    public Property EditedFitDocumentsEndCleanly() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var folder = CliRunner.TempDir();
            var fit = Path.Combine(folder, "fit.json");
            File.WriteAllText(fit, Edit(random, ValidFit.Value));
            var args = random.Next(2) == 0
                ? new List<string> { "predict", "--fit", fit, "--at", "x=" + Values[random.Next(Values.Length)] }
                : ["predict", "--fit", fit, "--at", "x=2"];
            return Check(args, folder, ["fit.json"]);
        });

    private static readonly Lazy<string> ValidFit = new(() =>
    {
        var folder = CliRunner.TempDir();
        var data = Path.Combine(folder, "runs.csv");
        File.WriteAllText(data, "x,y\n1,2\n2,3.1\n3,3.9\n4,5.2\n");
        var r = CliRunner.Run("fit", "--data", data, "--target", "y", "--formula", "a*x+c", "--format", "json");
        return r.Out;
    });

    /// <summary>A random edit of a fit document: a value replaced, a member removed or duplicated, or the text mutated.</summary>
    private static string Edit(Random random, string json)
    {
        if (random.Next(4) == 0) return MutateText(random, json);
        var root = JsonNode.Parse(json)!.AsObject();
        var members = root.Select(p => p.Key).ToList();
        string key = members[random.Next(members.Count)];
        JsonNode? replacement = random.Next(6) switch
        {
            0 => null,
            1 => JsonValue.Create("1"),
            2 => JsonValue.Create(-1e308),
            3 => new JsonArray(),
            4 => new JsonObject(),
            _ => JsonValue.Create("a*x+zz"),
        };
        if (key == "parameters" && random.Next(2) == 0)
        {
            var parameters = root["parameters"]!.AsArray();
            var first = parameters[0]!.AsObject();
            var member = first.Select(p => p.Key).ToList()[random.Next(first.Count)];
            first[member] = replacement;
        }
        else if (random.Next(5) == 0) root.Remove(key);
        else root[key] = replacement;
        return root.ToJsonString();
    }

    private static string MutateText(Random random, string text)
    {
        var chars = text.ToCharArray();
        for (int k = random.Next(1, 4); k > 0; k--) chars[random.Next(chars.Length)] = "{}[]\",:0-en"[random.Next(11)];
        return new string(chars);
    }

    private static Property Check(List<string> args, string folder, string[] allowed)
    {
        var r = CliRunner.Run([.. args]);
        string shown = string.Join(' ', args.Skip(1).Select(a => a.Contains(' ') ? $"'{a}'" : a));
        if (r.ExitCode is not (0 or 1 or 2)) return false.Label($"exit {r.ExitCode} for {shown}: {r.Error}");
        if (r.ExitCode != 0 && r.Error.Trim().Length == 0) return false.Label($"exit {r.ExitCode} without a message for {shown}");
        if (r.Error.Contains("internal error")) return false.Label($"internal error for {shown}: {r.Error}");
        var left = Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => !allowed.Contains(f)).ToList();
        if (left.Count > 0) return false.Label($"left {string.Join(", ", left)} for {shown}");
        return true.ToProperty();
    }
}
