using System.Text;
using ScalingLaws.Cli.Infrastructure;

namespace ScalingLaws.Cli.Sweep;

/// <summary>
/// Placeholders in option values: <c>{axis}</c> is the axis value of the job, <c>{job.option}</c> the path of
/// an earlier template's output (of the job with the same axis values); <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
internal static class SweepPlaceholders
{
    /// <summary>The placeholders of <paramref name="text"/>, as (name, output option or null).</summary>
    public static IEnumerable<(string Name, string? Output)> In(string text)
    {
        var found = new List<(string, string?)>();
        Replace(text, (name, output) => { found.Add((name, output)); return ""; });
        return found;
    }

    /// <summary>Checks that a placeholder names an axis of values or an output of an earlier template.</summary>
    public static void Check(string path, string where, (string Name, string? Output) placeholder, IReadOnlyList<SweepAxis> axes, IReadOnlyList<SweepTemplate> earlier)
    {
        var (name, output) = placeholder;
        if (output is null)
        {
            var axis = axes.FirstOrDefault(a => a.Name == name)
                ?? throw new CliException($"{path}: {where}: '{{{name}}}' is not an axis; axes: {string.Join(", ", axes.Select(a => a.Name))}.");
            if (axis.Values[0].IsOptionSet) throw new CliException($"{path}: {where}: axis '{name}' holds option sets; use 'with: [{name}]'.");
            return;
        }
        var template = earlier.FirstOrDefault(t => t.Name == name)
            ?? throw new CliException($"{path}: {where}: '{{{name}.{output}}}' does not name an earlier job.");
        if (!template.Outputs.Any(o => o.Key == output))
            throw new CliException($"{path}: {where}: job '{name}' has no output '{output}'; its outputs: {string.Join(", ", template.Outputs.Select(o => o.Key))}.");
    }

    /// <summary>
    /// <paramref name="text"/> with every placeholder replaced by <paramref name="value"/>(name, output option or null).
    /// </summary>
    /// <exception cref="CliException">A brace is not closed.</exception>
    public static string Replace(string text, Func<string, string?, string> value)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c) { sb.Append(c); i++; continue; }
            if (c == '}') throw new CliException($"'{text}': unmatched '}}' (write '}}}}' for a literal brace).");
            if (c != '{') { sb.Append(c); continue; }
            int end = text.IndexOf('}', i + 1);
            if (end < 0) throw new CliException($"'{text}': unmatched '{{' (write '{{{{' for a literal brace).");
            string inner = text[(i + 1)..end];
            int dot = inner.IndexOf('.');
            sb.Append(dot < 0 ? value(inner, null) : value(inner[..dot], inner[(dot + 1)..]));
            i = end;
        }
        return sb.ToString();
    }
}
