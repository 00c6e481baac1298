using System.Text.Json;
using ScalingLaws.Laws;

namespace ScalingLaws.Tests.Expressions;

/// <summary>One NIST StRD nonlinear regression problem, read from TestData/nist.</summary>
internal sealed record NistProblem(string Name, string ModelExpression, string[] Variables, double[][] Columns, double[] Certified)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestData", "nist");

    public static IReadOnlyList<string> Names { get; } =
        [.. System.IO.Directory.GetFiles(Directory, "*.json").Select(file => Path.GetFileNameWithoutExtension(file)).Order(StringComparer.Ordinal)];

    private static readonly Dictionary<string, NistProblem> Cache = [];

    public static NistProblem Load(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var cached)) return cached;
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, name + ".json")));
            JsonElement root = document.RootElement;
            string[] variables = root.TryGetProperty("x2", out _) ? ["x", "x2"] : ["x"];
            var problem = new NistProblem(
                root.GetProperty("name").GetString()!,
                root.GetProperty("model_expr").GetString()!,
                variables,
                [.. variables.Select(v => Numbers(root.GetProperty(v)))],
                Numbers(root.GetProperty("certified_params")));
            Cache[name] = problem;
            return problem;
        }
    }

    public int ParameterCount => Certified.Length;

    public int RowCount => Columns[0].Length;

    public string[] ParameterNames => [.. Enumerable.Range(1, ParameterCount).Select(k => $"b{k}")];

    public FormulaLaw CreateLaw() => FormulaLaw.Create(ModelExpression, variables: Variables, parameters: ParameterNames);

    public double[] Row(int i) => [.. Columns.Select(column => column[i])];

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];
}
