using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScalingLaws.Cli.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScalingLaws.Cli.Sweep;

/// <summary>
/// Reads a sweep plan from JSON (<c>.json</c>) or YAML (anything else). Both have the same shape:
/// <c>{ axes: { name: [values] }, jobs: [ { name, command, arguments, options, outputs, with } ] }</c>.
/// Errors name the file and the line and column (syntax) or the member (<c>jobs[1].options.target</c>).
/// </summary>
internal static class SweepPlanReader
{
    /// <summary>Reads and checks the plan at <paramref name="path"/>.</summary>
    /// <exception cref="CliException">The file is missing, malformed, or names an unknown axis, template or output.</exception>
    public static SweepPlan Read(string path)
    {
        if (!File.Exists(path)) throw new CliException($"Sweep plan '{path}' does not exist.");
        string text = File.ReadAllText(path);
        JsonNode? root = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJson(path, text) : ParseYaml(path, text);
        if (root is not JsonObject plan) throw new CliException($"{path}: the plan must be an object with 'axes' and 'jobs'.");
        Known(path, "", plan, "axes", "jobs");
        var axes = ReadAxes(path, plan["axes"]);
        if (plan["jobs"] is not JsonArray jobs || jobs.Count == 0) throw new CliException($"{path}: 'jobs' must be a non-empty list.");
        var templates = new List<SweepTemplate>();
        for (int i = 0; i < jobs.Count; i++) templates.Add(ReadTemplate(path, $"jobs[{i}]", jobs[i], axes, templates));
        return new SweepPlan([.. axes], [.. templates]);
    }

    private static JsonNode? ParseJson(string path, string text)
    {
        try { return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new CliException($"{path}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: {FirstSentence(e.Message)}"); }
    }

    private static JsonNode? ParseYaml(string path, string text)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e) { throw new CliException($"{path}:{e.Start.Line}:{e.Start.Column}: {(e.InnerException ?? e).Message}"); }
        catch (InvalidOperationException e) { throw new CliException($"{path}: malformed YAML ({e.Message.TrimEnd('.')}); look for an unclosed '[' or '{{'."); }
        return stream.Documents.Count == 0 ? null : FromYaml(stream.Documents[0].RootNode);
    }

    private static JsonNode? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", FromYaml(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(FromYaml)]),
        YamlScalarNode { Value: null or "~" or "null", Style: ScalarStyle.Plain } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new CliException($"line {node.Start.Line}: aliases and tags are not supported in sweep plans."),
    };

    private static string FirstSentence(string message) => message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ');

    private static List<SweepAxis> ReadAxes(string path, JsonNode? node)
    {
        var axes = new List<SweepAxis>();
        if (node is null) return axes;
        if (node is not JsonObject map) throw new CliException($"{path}: 'axes' must map axis names to lists of values.");
        foreach (var (name, value) in map)
        {
            CheckName(path, $"axes.{name}", name);
            if (value is not JsonArray list || list.Count == 0) throw new CliException($"{path}: axes.{name} must be a non-empty list.");
            var values = list.Select((v, i) => ReadValue(path, $"axes.{name}[{i}]", v, allowSets: true)).ToImmutableArray();
            if (values.Any(v => v.IsOptionSet) && !values.All(v => v.IsOptionSet))
                throw new CliException($"{path}: axes.{name} mixes option sets with plain values.");
            var labels = values.Select(v => v.Label).ToList();
            if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count) throw new CliException($"{path}: axes.{name} repeats a value.");
            axes.Add(new SweepAxis(name, values));
        }
        return axes;
    }

    private static SweepTemplate ReadTemplate(string path, string where, JsonNode? node, List<SweepAxis> axes, List<SweepTemplate> earlier)
    {
        if (node is not JsonObject job) throw new CliException($"{path}: {where} must be an object with 'name', 'command' and 'options'.");
        Known(path, where + ".", job, "name", "command", "arguments", "options", "outputs", "with");
        string name = Text(path, where + ".name", job["name"]) ?? throw new CliException($"{path}: {where}.name is missing.");
        CheckName(path, where + ".name", name);
        if (earlier.Any(t => t.Name == name)) throw new CliException($"{path}: {where}.name '{name}' is used twice.");
        if (axes.Any(a => a.Name == name)) throw new CliException($"{path}: {where}.name '{name}' is also an axis name.");
        string command = Text(path, where + ".command", job["command"]) ?? throw new CliException($"{path}: {where}.command is missing.");
        if (command == "sweep") throw new CliException($"{path}: {where}.command cannot be 'sweep'.");
        var arguments = job["arguments"] switch
        {
            null => ImmutableArray<string>.Empty,
            JsonArray list => [.. list.Select((a, i) => Text(path, $"{where}.arguments[{i}]", a) ?? "")],
            var one => [Text(path, where + ".arguments", one) ?? ""],
        };
        var options = ImmutableArray.CreateBuilder<KeyValuePair<string, SweepValue>>();
        if (job["options"] is JsonObject optionMap)
            foreach (var (key, value) in optionMap) options.Add(KeyValuePair.Create(key, ReadValue(path, $"{where}.options.{key}", value, allowSets: false)));
        else if (job["options"] is not null) throw new CliException($"{path}: {where}.options must map option names to values.");
        var outputs = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        if (job["outputs"] is JsonObject outputMap)
            foreach (var (key, value) in outputMap)
            {
                string file = Text(path, $"{where}.outputs.{key}", value) ?? "";
                if (file.Length == 0 || file != Path.GetFileName(file) || file is "." or "..")
                    throw new CliException($"{path}: {where}.outputs.{key} must be a plain file or folder name, not '{file}'.");
                outputs.Add(KeyValuePair.Create(key, file));
            }
        else if (job["outputs"] is not null) throw new CliException($"{path}: {where}.outputs must map option names to file names.");
        var with = job["with"] switch
        {
            null => ImmutableArray<string>.Empty,
            JsonArray list => [.. list.Select((a, i) => Text(path, $"{where}.with[{i}]", a) ?? "")],
            var one => [Text(path, where + ".with", one) ?? ""],
        };
        foreach (var axis in with)
            if (axes.FirstOrDefault(a => a.Name == axis) is not { } found || !found.Values[0].IsOptionSet)
                throw new CliException($"{path}: {where}.with names '{axis}', which is not an axis of option sets.");
        var template = new SweepTemplate(name, command, arguments, options.ToImmutable(), outputs.ToImmutable(), with, $"{path}: {where}");
        foreach (var (text, at) in template.Arguments.Select(a => (a, where + ".arguments"))
                     .Concat(template.Options.SelectMany(o => Texts(o.Value).Select(t => (t, $"{where}.options.{o.Key}")))))
            foreach (var placeholder in SweepPlaceholders.In(text))
                SweepPlaceholders.Check(path, at, placeholder, axes, earlier);
        return template;
    }

    private static IEnumerable<string> Texts(SweepValue value) => !value.Items.IsDefaultOrEmpty ? value.Items : value.Text is null ? [] : [value.Text];

    private static SweepValue ReadValue(string path, string where, JsonNode? node, bool allowSets) => node switch
    {
        null => SweepValue.Scalar(null),
        JsonArray list => new SweepValue(null, [.. list.Select((v, i) => Text(path, $"{where}[{i}]", v) ?? "")], []),
        JsonObject map when allowSets => new SweepValue(null, [],
            [.. map.Select(o => KeyValuePair.Create(o.Key, ReadValue(path, $"{where}.{o.Key}", o.Value, allowSets: false)))]),
        JsonObject => throw new CliException($"{path}: {where} must be a value or a list of values."),
        _ => SweepValue.Scalar(Text(path, where, node)),
    };

    private static string? Text(string path, string where, JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number => v.ToJsonString(),
        _ => throw new CliException($"{path}: {where} must be text, a number or true/false."),
    };

    private static void Known(string path, string prefix, JsonObject map, params string[] names)
    {
        foreach (var (key, _) in map)
            if (!names.Contains(key)) throw new CliException($"{path}: unknown member '{prefix}{key}'; expected one of: {string.Join(", ", names)}.");
    }

    private static void CheckName(string path, string where, string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw new CliException($"{path}: {where}: '{name}' is not a name (letters, digits, '_' and '-').");
    }
}
