using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Nested;
using ScalingLaws.Serialization;
using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Cli.Commands;

/// <summary>Renders nested predictions, stage summaries and the route comparison as table, CSV or JSON.</summary>
internal static class NestedOutput
{
    public static string Render(NestedFit fit, IReadOnlyList<NestedPrediction> rows, NestedComparison? comparison, OutputFormat format) => format switch
    {
        OutputFormat.Csv => Csv(fit, rows),
        OutputFormat.Json => Json(fit, rows, comparison),
        _ => Table(fit, rows, comparison),
    };

    public static string Stages(NestedFit fit)
    {
        var o = fit.Options;
        var sb = new StringBuilder();
        var runs = fit.StepLaws.Sum(s => s.Runs.Length);
        var steps = fit.StepLaws.SelectMany(s => s.Runs).SelectMany(r => r.Steps).ToList();
        sb.AppendLine($"Nested prediction at N = {G(o.TargetModelSize)}, step = {G(o.TargetStep)} (Ye et al. 2025: step law → size law → {MixtureLawText(o)})");
        sb.AppendLine($"  fitted: {fit.Mixtures.Length} mixtures × {fit.SizeLaw.Sizes.Length} sizes (N = {string.Join(", ", fit.SizeLaw.Sizes.Select(G))}), steps {G(steps.Min())}–{G(steps.Max())}");
        var alphas = fit.StepLaws.Select(s => s.Fit.Values[^1]).Order().ToList();
        var holdOut = fit.StepLaws.Select(s => s.HoldOutError).Where(double.IsFinite).ToList();
        sb.AppendLine($"  stage 1, step laws: {fit.StepLaws.Length} fits over {runs} runs (α shared per {(o.StepSharing == StepExponentSharing.Run ? "run" : "size")}; median α {F(alphas[alphas.Count / 2], 3)}), "
            + $"hold-out MAE on the last {o.HoldOutSteps} steps {(holdOut.Count > 0 ? F(holdOut.Average(), 4) : "n/a")}");
        sb.AppendLine($"  stage 2, size law: α = {F(fit.SizeLaw.Fit.Values[^1], 3)} shared by {fit.Mixtures.Length * o.Targets.Length} curves, hold-out MAE at N = {G(fit.SizeLaw.Sizes[^1])}: {(double.IsFinite(fit.SizeLaw.HoldOutError) ? F(fit.SizeLaw.HoldOutError, 4) : "n/a (fewer than 4 sizes)")}");
        sb.AppendLine($"  stage 3, mixture law per target (leave-one-mixture-out MAE): {string.Join(", ", fit.MixtureLaws.Select(m => $"{m.Target} {m.Law} {F(m.LeaveOneOutError, 4)}"
            + (m.CandidateErrors.Count > 1 ? $" ({string.Join(", ", m.CandidateErrors.Where(c => c.Key != m.Law).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {F(c.Value, 4)}"))})" : "")))}");
        sb.AppendLine($"  fitted mixtures' own effects beyond the law (τ; mean weight κ kept in their predictions): {string.Join(", ", fit.MixtureLaws.Select(m => $"{m.Target} {F(Math.Sqrt(m.RunEffectVariance), 4)}; {F(m.RunEffectWeights.Average(), 2)}"))}");
        foreach (var w in fit.Warnings) sb.AppendLine("  warning: " + w);
        return sb.ToString();
    }

    private static string MixtureLawText(NestedOptions o) => o.MixtureLaw is { } law ? law.Name + " law"
        : $"the least leave-one-mixture-out error of {string.Join(", ", o.MixtureCandidates.Select(c => c.Name))}";

    private static string Table(NestedFit fit, IReadOnlyList<NestedPrediction> rows, NestedComparison? comparison)
    {
        var o = fit.Options;
        var sb = new StringBuilder(Stages(fit));
        bool total = !o.TotalWeights.IsEmpty;
        sb.AppendLine();
        sb.Append($"  {"source",-9} {"mixture",-40}");
        foreach (var t in o.Targets) sb.Append($" {t,14}");
        if (total) sb.Append($" {"total",9} {"interval",19}");
        sb.AppendLine($" {"observed",9} {"chain",9}");
        foreach (var r in rows)
        {
            sb.Append($"  {r.Label,-9} {Key(r.Weights),-40}");
            foreach (var v in r.Model) sb.Append($" {F(v, 4),14}");
            double obs = r.Observed.IsEmpty ? double.NaN : (total ? fit.Total(r.Observed) : r.Observed[0]);
            double chain = r.Chain.IsEmpty ? double.NaN : (total ? fit.Total(r.Chain) : r.Chain[0]);
            if (total)
            {
                var interval = Interval(fit, r);
                sb.Append($" {F(fit.Total(r.Model), 4),9} {interval,19}");
            }
            sb.Append($" {(double.IsNaN(obs) ? "" : F(obs, 4)),9} {(double.IsNaN(chain) ? "" : F(chain, 4)),9}");
            if (!r.OutsideRange.IsEmpty) sb.Append($"  (extrapolates in {string.Join(", ", r.OutsideRange)})");
            sb.AppendLine();
        }
        if (comparison is not null) sb.Append(ComparisonTable(comparison));
        return sb.ToString();
    }

    /// <summary>The route comparison: nested vs each direct law, per mixture, with MAE over the observed mixtures.</summary>
    public static string ComparisonTable(NestedComparison comparison)
    {
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.Append($"  {"source",-9} {"mixture",-40} {"nested",9}");
        foreach (var l in comparison.Laws) sb.Append($" {l,16}");
        sb.AppendLine($" {"observed",9}");
        foreach (var r in comparison.Rows)
        {
            sb.Append($"  {r.Label,-9} {Key(r.Weights),-40} {F(r.Nested, 4),9}");
            foreach (var d in r.Direct) sb.Append($" {F(d, 4),16}");
            sb.AppendLine($" {(double.IsNaN(r.Observed) ? "" : F(r.Observed, 4)),9}");
        }
        var observed = comparison.Rows.Where(r => !double.IsNaN(r.Observed)).ToList();
        if (observed.Count > 0)
        {
            sb.Append($"  {"MAE",-9} {$"over {observed.Count} observed mixture(s)",-40} {F(observed.Average(r => Math.Abs(r.Nested - r.Observed)), 4),9}");
            for (int l = 0; l < comparison.Laws.Length; l++) sb.Append($" {F(observed.Average(r => Math.Abs(r.Direct[l] - r.Observed)), 4),16}");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Interval(NestedFit fit, NestedPrediction r)
    {
        if (r.Intervals.IsEmpty || fit.Options.TotalWeights.IsEmpty) return "";
        var lower = fit.Total(r.Intervals.Select(i => i.Lower).ToArray());
        var upper = fit.Total(r.Intervals.Select(i => i.Upper).ToArray());
        return $"[{F(lower, 4)}, {F(upper, 4)}]";
    }

    private static string Csv(NestedFit fit, IReadOnlyList<NestedPrediction> rows)
    {
        var o = fit.Options;
        var header = new List<string> { "source", "mixture" };
        header.AddRange(o.Domains);
        header.AddRange(["target", "prediction", "lower", "upper", "chain", "observed"]);
        var lines = new List<IEnumerable<string?>>();
        foreach (var r in rows)
            for (int t = 0; t < o.Targets.Length; t++)
            {
                var line = new List<string?> { r.Label, Key(r.Weights) };
                line.AddRange(r.Weights.Select(w => Infrastructure.Csv.Number(w)));
                line.Add(o.Targets[t]);
                line.Add(Infrastructure.Csv.Number(r.Model[t]));
                line.Add(r.Intervals.IsEmpty ? "" : Infrastructure.Csv.Number(r.Intervals[t].Lower));
                line.Add(r.Intervals.IsEmpty ? "" : Infrastructure.Csv.Number(r.Intervals[t].Upper));
                line.Add(r.Chain.IsEmpty ? "" : Infrastructure.Csv.Number(r.Chain[t]));
                line.Add(r.Observed.IsEmpty ? "" : Infrastructure.Csv.Number(r.Observed[t]));
                lines.Add(line);
            }
        return Infrastructure.Csv.Table(header, lines);
    }

    private static string Json(NestedFit fit, IReadOnlyList<NestedPrediction> rows, NestedComparison? comparison)
    {
        var o = fit.Options;
        var document = new NestedPredictionDocument(SchemaVersion.Current, "nested-prediction", new NestedScaleEntry(o.TargetModelSize, o.TargetStep),
            MixtureLawText(o),
            new NestedStagesEntry(
                [.. fit.StepLaws.Select(s => new NestedStepLawEntry([.. s.Runs.Select(r => r.Label)], s.Fit.Values[^1], s.HoldOutError, s.Fit.IsUsable))],
                new NestedSizeLawEntry(fit.SizeLaw.Sizes, fit.SizeLaw.Fit.Values[^1], fit.SizeLaw.HoldOutError, fit.SizeLaw.Fit.IsUsable),
                [.. fit.MixtureLaws.Select(m => new NestedMixtureLawEntry(m.Target, Map(m.Fit.Parameters.Select(p => p.Name), m.Fit.Parameters.Select(p => p.Value)),
                    m.Law, m.LeaveOneOutError, m.Fit.IsUsable))]),
            [.. fit.Warnings],
            [.. rows.Select(r => new NestedPredictionEntry(r.Label, Map(o.Domains, r.Weights), Losses(o, r.Model),
                r.Chain.IsEmpty ? null : Losses(o, r.Chain), r.Observed.IsEmpty ? null : Losses(o, r.Observed),
                r.Intervals.IsEmpty ? null : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                    o.Targets.Select((t, i) => KeyValuePair.Create(t, new BoundsEntry(r.Intervals[i].Lower, r.Intervals[i].Upper)))),
                [.. r.OutsideRange]))],
            comparison is null ? null : new NestedComparisonEntry([.. comparison.Laws],
                [.. comparison.Rows.Select(r => new NestedComparisonRowEntry(r.Label, Key(r.Weights), r.Nested, Map(comparison.Laws, r.Direct), r.Observed))]));
        return NestedJson.Write(document) + "\n";
    }

    private static ImmutableSortedDictionary<string, double> Map(IEnumerable<string> names, IEnumerable<double> values) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, names.Zip(values, KeyValuePair.Create));

    /// <summary>Losses by target, with <c>total</c> = Σ wₜ·Lₜ when total weights are given.</summary>
    private static ImmutableSortedDictionary<string, double> Losses(NestedOptions o, IReadOnlyList<double> values)
    {
        var map = Map(o.Targets, values);
        if (o.TotalWeights.IsEmpty) return map;
        double total = 0;
        for (int t = 0; t < o.Targets.Length; t++) total += o.TotalWeights.GetValueOrDefault(o.Targets[t]) * values[t];
        return map.Add("total", total);
    }

    public static string Key(IEnumerable<double> weights) => string.Join("-", weights.Select(w => w.ToString("G6", CultureInfo.InvariantCulture)));

    public static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    public static string F(double v, int digits) => v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
