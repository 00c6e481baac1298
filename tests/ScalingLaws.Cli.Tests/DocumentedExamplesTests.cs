using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// Every command shown in the README and in docs/cli.md runs and exits 0: the ```bash blocks are read
/// (continuation lines joined, comments dropped), paths under data/ point at the bundled data and
/// every other file lives in one scratch folder per document, so that later examples read what earlier
/// ones wrote. An example whose input is written by a later one runs after it.
/// </summary>
public class DocumentedExamplesTests
{
    [Fact]
    public void ReadmeCommandsRun() => RunAll("README.md");

    [Fact]
    public void CliReferenceCommandsRun() => RunAll("cli.md");

    /// <summary>Options whose value is a file the examples write or read.</summary>
    private static readonly HashSet<string> FileOptions =
        ["--data", "--fit", "--plan", "--out", "-o", "--output", "--figure", "--domain-fit", "--general-fit", "--cmr-fit"];

    private static readonly HashSet<string> InputOptions = ["--data", "--fit", "--plan", "--domain-fit", "--general-fit", "--cmr-fit"];

    private static void RunAll(string document)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "documents", document));
        var commands = Commands(text).ToList();
        Assert.NotEmpty(commands);
        string work = CliRunner.TempDir();
        var pending = new Queue<string[]>(commands.Select(c => Bind(c, work)));
        var failures = new List<string>();
        int deferrals = 0;
        while (pending.Count > 0)
        {
            var args = pending.Dequeue();
            var missing = MissingInputs(args);
            if (missing.Count > 0 && deferrals++ < 4 * commands.Count) { pending.Enqueue(args); continue; }
            var result = CliRunner.Run(args);
            if (result.ExitCode != 0)
                failures.Add($"scaling-laws {string.Join(' ', args)}\n  exit {result.ExitCode}: {result.Error.Trim()}");
        }
        Assert.True(failures.Count == 0, $"{document}: {failures.Count} of {commands.Count} examples failed:\n" + string.Join("\n", failures));
    }

    /// <summary>The scaling-laws commands of the document's bash blocks, as argument lists (without the program).</summary>
    private static IEnumerable<string[]> Commands(string markdown)
    {
        foreach (Match block in Regex.Matches(markdown, "```bash\n(.*?)```", RegexOptions.Singleline))
        {
            var joined = block.Groups[1].Value.Replace("\\\n", " ");
            foreach (var line in joined.Split('\n'))
            {
                var tokens = Tokenize(line);
                int skip = tokens.Count > 0 && tokens[0] == "scaling-laws" ? 1
                    : tokens.Count > 4 && tokens[0] == "dotnet" && tokens[1] == "run" && tokens[4] == "--" ? 5 : -1;
                if (skip < 0 || tokens.Count <= skip) continue;
                if (tokens[skip] == "demo") continue;  // writes ./out; run by DecisionCommandTests with --out
                yield return [.. tokens.Skip(skip)];
            }
        }
    }

    /// <summary>Splits a shell line on blanks, honouring double and single quotes; a # outside quotes starts a comment.</summary>
    private static List<string> Tokenize(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        bool inToken = false;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0'; else current.Append(c);
                continue;
            }
            if (c is '"' or '\'') { quote = c; inToken = true; continue; }
            if (char.IsWhiteSpace(c))
            {
                if (inToken) { tokens.Add(current.ToString()); current.Clear(); inToken = false; }
                continue;
            }
            if (c == '#' && !inToken) break;
            current.Append(c);
            inToken = true;
        }
        if (inToken) tokens.Add(current.ToString());
        return tokens;
    }

    /// <summary>Points data/… at the bundled data and every other file option into <paramref name="work"/>.</summary>
    private static string[] Bind(string[] args, string work)
    {
        var bound = (string[])args.Clone();
        for (int i = 0; i < bound.Length; i++)
        {
            if (bound[i].StartsWith("data/", StringComparison.Ordinal))
                bound[i] = Path.Combine(AppContext.BaseDirectory, bound[i]);
            else if (bound[i].StartsWith("docs/", StringComparison.Ordinal))
                bound[i] = Path.Combine(AppContext.BaseDirectory, "documents", bound[i]["docs/".Length..]);
            else if (i > 0 && FileOptions.Contains(args[i - 1]) && !args[i].StartsWith('-'))
                bound[i] = Path.Combine(work, bound[i]);
        }
        return bound;
    }

    private static List<string> MissingInputs(string[] args) =>
        [.. args.Where((a, i) => i > 0 && InputOptions.Contains(args[i - 1]) && !File.Exists(a))];
}
