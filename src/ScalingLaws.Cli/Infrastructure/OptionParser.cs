using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Continual;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Parses the list-valued option syntaxes (<c>p=v,...</c>, <c>p=lo:hi,...</c>, <c>p=lo:hi:step,...</c>).</summary>
internal static class OptionParser
{
    /// <summary>Parses <c>name=value,name=value</c>; values may carry unit suffixes (k, M, B, T).</summary>
    public static ImmutableDictionary<string, double> Assignments(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return ImmutableDictionary<string, double>.Empty;
        var result = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in Pairs(text, option))
        {
            if (result.ContainsKey(name)) throw new CliException($"Option '{option}': '{name}' is given twice.");
            result[name] = Number(value, option, name);
        }
        return result.ToImmutable();
    }

    /// <summary>Parses <c>name=lo:hi,...</c> (either end may be empty or <c>inf</c>/<c>-inf</c>).</summary>
    public static ImmutableDictionary<string, (double Lower, double Upper)> Bounds(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return ImmutableDictionary<string, (double, double)>.Empty;
        var result = ImmutableDictionary.CreateBuilder<string, (double, double)>(StringComparer.Ordinal);
        foreach (var (name, value) in Pairs(text, option))
        {
            var parts = value.Split(':');
            if (parts.Length != 2) throw new CliException($"Option '{option}': bounds of '{name}' must look like lo:hi (got '{value}').");
            double lo = parts[0].Trim().Length == 0 ? double.NegativeInfinity : Number(parts[0], option, name);
            double hi = parts[1].Trim().Length == 0 ? double.PositiveInfinity : Number(parts[1], option, name);
            if (lo > hi) throw new CliException($"Option '{option}': lower bound of '{name}' ({value}) exceeds its upper bound.");
            result[name] = (lo, hi);
        }
        return result.ToImmutable();
    }

    /// <summary>Parses <c>name=lo:hi:step,...</c> into grid axes.</summary>
    public static ImmutableArray<GridAxis> Grid(string? text, string option)
    {
        var axes = ImmutableArray.CreateBuilder<GridAxis>();
        foreach (var (name, value) in Pairs(text, option))
        {
            var parts = value.Split(':');
            if (parts.Length != 3) throw new CliException($"Option '{option}': grid of '{name}' must look like lo:hi:step (got '{value}').");
            double lo = Number(parts[0], option, name), hi = Number(parts[1], option, name), step = Number(parts[2], option, name);
            try { axes.Add(GridAxis.Range(name, lo, hi, step)); }
            catch (ArgumentException e) { throw new CliException($"Option '{option}': {e.Message}"); }
        }
        var grid = new GridStarts(axes.ToImmutable());
        if (grid.Count > StartPoints.MaxCount)
            throw new CliException($"Option '{option}': the grid has {grid.Shape} = {(grid.Count == long.MaxValue ? "more than 9.2e18" : grid.Count.ToString("N0", CultureInfo.InvariantCulture))} points; at most {StartPoints.MaxCount:N0}. Use fewer values per axis, or --starts N for random starts.");
        return grid.Axes;
    }

    /// <summary>Parses <c>a=b,c=d</c> into string pairs (for column mappings).</summary>
    public static ImmutableDictionary<string, string> Mapping(string? text, string option) =>
        string.IsNullOrWhiteSpace(text) ? ImmutableDictionary<string, string>.Empty
            : Pairs(text, option).ToImmutableDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    /// <summary>
    /// Parses a loss tolerance <c>L0:+EPS</c> (limit L0 + EPS, absolute) or <c>L0:+PCT%</c> (limit (1 + PCT/100)·L0, relative).
    /// </summary>
    public static (double Reference, LossTolerance Tolerance) Tolerance(string text, string option, string? name = null)
    {
        string shown = name is null ? text : $"{name}={text}";
        string example = name is null ? "L0:+EPS or L0:+PCT% (e.g. 2.86:+3% or 2.86:+0.05)" : "LOSS=L0:+EPS or LOSS=L0:+PCT%";
        var parts = text.Split(":+");
        if (parts.Length != 2 || parts[1].Trim().Length == 0) throw new CliException($"Option '{option}': '{shown}' must look like {example}.");
        double reference = Number(parts[0], option, name);
        bool relative = parts[1].TrimEnd().EndsWith('%');
        double value = Number(relative ? parts[1].TrimEnd()[..^1] : parts[1], option, name);
        if (!double.IsFinite(reference) || !double.IsFinite(value) || value < 0)
            throw new CliException($"Option '{option}': '{shown}' needs a finite L0 and a rise ≥ 0.");
        return (reference, relative ? LossTolerance.Relative(value / 100) : LossTolerance.Absolute(value));
    }

    /// <summary>A number in invariant culture with an optional unit suffix (k, M, B/G, T).</summary>
    public static double Number(string text, string option, string? name = null)
    {
        string t = text.Trim();
        if (t is "inf" or "+inf" or "Infinity") return double.PositiveInfinity;
        if (t is "-inf" or "-Infinity") return double.NegativeInfinity;
        double multiplier = 1;
        if (t.Length > 1)
        {
            multiplier = t[^1] switch { 'k' or 'K' => 1e3, 'M' => 1e6, 'B' or 'G' => 1e9, 'T' => 1e12, _ => 1 };
            if (multiplier != 1) t = t[..^1];
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            throw new CliException($"Option '{option}': '{text.Trim()}'{(name is null ? "" : $" (for '{name}')")} is not a number.");
        if (!double.IsFinite(v * multiplier))
            throw new CliException($"Option '{option}': '{text.Trim()}'{(name is null ? "" : $" (for '{name}')")} is beyond the range of numbers (about ±1.8e308); write 'inf' for infinity.");
        return v * multiplier;
    }

    private static IEnumerable<(string Name, string Value)> Pairs(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = raw.IndexOf('=');
            if (eq <= 0 || eq == raw.Length - 1)
                throw new CliException($"Option '{option}': '{raw.Trim()}' must look like name=value.");
            yield return (raw[..eq].Trim(), raw[(eq + 1)..].Trim());
        }
    }
}
