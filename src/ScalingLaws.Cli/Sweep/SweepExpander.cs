using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace ScalingLaws.Cli.Sweep;

/// <summary>
/// Expands a plan into jobs. A template runs over the axes it uses — in <c>{axis}</c> placeholders, in
/// <c>with</c>, or through the earlier templates whose outputs it reads — in plan order, first axis outermost.
/// </summary>
internal static class SweepExpander
{
    /// <summary>Every job of <paramref name="plan"/>, in order.</summary>
    public static ImmutableArray<SweepJob> Expand(SweepPlan plan)
    {
        var jobs = new List<SweepJob>();
        var axesOf = new Dictionary<string, List<SweepAxis>>();
        var jobsOf = new Dictionary<string, Dictionary<string, SweepJob>>();
        foreach (var template in plan.Templates)
        {
            var texts = template.Arguments.Concat(template.Options.SelectMany(o => Texts(o.Value))).ToList();
            var placeholders = texts.SelectMany(SweepPlaceholders.In).ToList();
            var used = new HashSet<string>(template.With);
            foreach (var (name, output) in placeholders)
            {
                if (output is null) used.Add(name);
                else used.UnionWith(axesOf[name].Select(a => a.Name));
            }
            var axes = plan.Axes.Where(a => used.Contains(a.Name)).ToList();
            axesOf[template.Name] = axes;
            var byCell = new Dictionary<string, SweepJob>();
            jobsOf[template.Name] = byCell;
            foreach (var cell in Product(axes))
            {
                string id = template.Name + (cell.Count == 0 ? "" : "[" + string.Join(",", cell.Select(v => v.Axis + "=" + v.Value.Label)) + "]");
                string folder = "jobs/" + template.Name + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..10];
                var values = cell.ToDictionary(v => v.Axis, v => v.Value);
                var dependencies = new SortedSet<int>();
                string Substitute(string text) => SweepPlaceholders.Replace(text, (name, output) =>
                {
                    if (output is null) return values[name].Text ?? "";
                    var upstream = jobsOf[name][CellKey(axesOf[name], values)];
                    dependencies.Add(upstream.Order);
                    return upstream.Folder + "/" + upstream.Template.Outputs.First(o => o.Key == output).Value;
                });
                var arguments = new List<string> { template.Command };
                var sweepPaths = new List<int>();
                foreach (var a in template.Arguments) AddArgument(arguments, sweepPaths, Substitute(a), IsReference(a));
                var options = template.Options.ToList();
                foreach (var axis in template.With) options.AddRange(values[axis].Options);
                foreach (var (key, value) in options)
                {
                    string option = key.StartsWith('-') ? key : "--" + key;
                    if (!value.Items.IsDefaultOrEmpty)
                        foreach (var item in value.Items) { arguments.Add(option); AddArgument(arguments, sweepPaths, Substitute(item), IsReference(item)); }
                    else if (value.Text is null or "false") continue;
                    else if (value.Text == "true") arguments.Add(option);
                    else { arguments.Add(option); AddArgument(arguments, sweepPaths, Substitute(value.Text), IsReference(value.Text)); }
                }
                var outputs = template.Outputs.Select(o => folder + "/" + o.Value).ToImmutableArray();
                for (int i = 0; i < outputs.Length; i++)
                {
                    string key = template.Outputs[i].Key;
                    arguments.Add(key.StartsWith('-') ? key : "--" + key);
                    sweepPaths.Add(arguments.Count);
                    arguments.Add(outputs[i]);
                }
                var job = new SweepJob(jobs.Count, id, template, folder, [.. arguments], outputs, [.. dependencies], [.. sweepPaths]);
                jobs.Add(job);
                byCell[CellKey(axes, values)] = job;
            }
        }
        return [.. jobs];
    }

    private static bool IsReference(string text)
    {
        var placeholders = SweepPlaceholders.In(text).ToList();
        if (!placeholders.Any(p => p.Output is not null)) return false;
        if (placeholders.Count == 1 && text.StartsWith('{') && text.EndsWith('}')) return true;
        throw new Infrastructure.CliException($"'{text}': an output placeholder must be the whole value.");
    }

    private static void AddArgument(List<string> arguments, List<int> sweepPaths, string value, bool isReference)
    {
        if (isReference) sweepPaths.Add(arguments.Count);
        arguments.Add(value);
    }

    private static IEnumerable<string> Texts(SweepValue value) => !value.Items.IsDefaultOrEmpty ? value.Items : value.Text is null ? [] : [value.Text];

    private static string CellKey(IEnumerable<SweepAxis> axes, IReadOnlyDictionary<string, SweepValue> values) =>
        string.Join("\u001f", axes.Select(a => values[a.Name].Label));

    private static IEnumerable<List<(string Axis, SweepValue Value)>> Product(IReadOnlyList<SweepAxis> axes)
    {
        IEnumerable<List<(string, SweepValue)>> cells = [[]];
        foreach (var axis in axes)
            cells = cells.SelectMany(cell => axis.Values.Select(v => new List<(string, SweepValue)>([.. cell, (axis.Name, v)])));
        return cells;
    }
}
