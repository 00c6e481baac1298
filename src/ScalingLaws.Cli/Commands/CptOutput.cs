using System.Globalization;
using System.Text;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Serialization;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Continual;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Cli.Commands;

/// <summary>The table, JSON and CSV texts of <c>cpt</c>'s decisions.</summary>
internal static class CptOutput
{
    public static string Choice(ContinualPretrainingChoice c, string decision, OutputFormat format) => format switch
    {
        OutputFormat.Json => ContinualPretrainingJson.WriteChoice(c, decision) + "\n",
        OutputFormat.Csv => Csv.Table(["decision", "feasible", "domain_share", "general_share", "domain_loss", "general_loss", "general_limit", "limit_active", "model_size", "tokens"],
            [[decision, Bool(c.IsFeasible), Csv.Number(c.DomainShare), Csv.Number(1 - c.DomainShare), Csv.Number(c.DomainLoss), Csv.Number(c.GeneralLoss),
              Csv.Number(c.GeneralLimit), Bool(c.LimitActive), Csv.Number(c.ModelSize), Csv.Number(c.Tokens)]]),
        _ => ChoiceTable(c, decision),
    };

    public static string Allocation(BudgetAllocation a, FittedLaw law, double share, OutputFormat format) => format switch
    {
        OutputFormat.Json => MixturePlanJson.WriteAllocation(a) + "\n",
        OutputFormat.Csv => Csv.Table(["compute", "domain_share", "model_size", "tokens", "tokens_per_parameter", "loss", "method"],
            [[Csv.Number(a.Compute), Csv.Number(share), Csv.Number(a.ModelSize), Csv.Number(a.Tokens), Csv.Number(a.TokensPerParameter), Csv.Number(a.Loss), a.Method.ToString()]]),
        _ => Invariant($"""
            Compute allocation (D-CPT usage 3) for {law.Name} ({law.Law.Name}) at r_d = {share:G4}, C = {a.Compute:G4} FLOP (C = 6ND)
              N = {a.ModelSize:G4} parameters
              D = {a.Tokens:G4} tokens
              D/N = {a.TokensPerParameter:F1} tokens per parameter
              predicted domain loss = {a.Loss:F4}
              method = {a.Method}{(a.AtRangeLimit ? " (at the search range limit)" : "")}

            """),
    };

    public static string CriticalRatio(CriticalMixtureRatioResult r, double n, double d, OutputFormat format) => format switch
    {
        OutputFormat.Json => ContinualPretrainingJson.WriteCriticalRatio(r, n, d) + "\n",
        OutputFormat.Csv => Csv.Table(["status", "ratio", "general_loss_at_ratio", "limit", "pre_training_loss", "model_size", "tokens"],
            [[ContinualPretrainingJson.StatusText(r.Status), Csv.Number(r.Ratio), Csv.Number(r.GeneralLossAtRatio), Csv.Number(r.Limit), Csv.Number(r.PreTrainingLoss), Csv.Number(n), Csv.Number(d)]]),
        _ => Invariant($"Critical mixture ratio{At(n, d)}\n  general-loss limit = {r.Limit:G6} ({ToleranceText(r)})\n")
            + (r.Ratio is double ratio
                ? Invariant($"  CMR = {ratio:G6} ({100 * ratio:F2}% domain data), general loss there {r.GeneralLossAtRatio:G6}\n  status = {ContinualPretrainingJson.StatusText(r.Status)}\n")
                : "  no domain share keeps the general loss within the limit (infeasible)\n"),
    };

    public static string Curve(IReadOnlyList<CriticalRatioPoint> curve, double n, OutputFormat format)
    {
        if (format == OutputFormat.Json) return ContinualPretrainingJson.WriteCriticalRatioCurve(curve, n) + "\n";
        if (format == OutputFormat.Csv)
            return Csv.Table(["tokens", "ratio", "status"], curve.Select(p => (IEnumerable<string?>)[Csv.Number(p.Tokens), Csv.Number(p.Ratio),
                p.Detail is { } d ? ContinualPretrainingJson.StatusText(d.Status) : ""]));
        var sb = new StringBuilder();
        sb.AppendLine(Invariant($"Critical mixture ratio against tokens{(double.IsNaN(n) ? " (from a CMR tokens law)" : $" at N = {n:G4}")}"));
        sb.AppendLine("  tokens        CMR");
        foreach (var p in curve)
            sb.AppendLine(Invariant($"  {p.Tokens,-13:G4} {(p.Ratio is double r ? $"{r:F4} ({100 * r:F2}%)" : "none (infeasible)")}"));
        return sb.ToString();
    }

    public static string Pareto(ParetoFront front, OutputFormat format)
    {
        if (format == OutputFormat.Json) return ContinualPretrainingJson.WriteParetoFront(front) + "\n";
        if (format == OutputFormat.Csv)
            return Csv.Table(["domain_share", "domain_loss", "general_loss"],
                front.Points.Select(p => (IEnumerable<string?>)[Csv.Number(p.Weights[1]), Csv.Number(p.FirstLoss), Csv.Number(p.SecondLoss)]));
        var sb = new StringBuilder();
        sb.AppendLine(Invariant($"Pareto front: {front.First} (domain loss) against {front.Second} (general loss), {front.Points.Length} non-dominated shares"));
        sb.AppendLine("  r_d       domain loss   general loss");
        foreach (var p in front.Points)
            sb.AppendLine(Invariant($"  {p.Weights[1],-9:F4} {p.FirstLoss,-13:F4} {p.SecondLoss:F4}"));
        return sb.ToString();
    }

    private static string ChoiceTable(ContinualPretrainingChoice c, string decision)
    {
        var sb = new StringBuilder();
        string title = decision == "trade-off" ? "D-CPT trade-off (usage 1)" : "D-CPT limited domain data (usage 2)";
        sb.AppendLine(title + At(c.ModelSize, c.Tokens));
        if (!c.IsFeasible) sb.AppendLine("  " + c.Message);
        sb.AppendLine(Invariant($"  domain share r_d = {c.DomainShare:G6} (general share r_g = {1 - c.DomainShare:G6})"));
        sb.AppendLine(Invariant($"  domain loss  = {c.DomainLoss:F4}"));
        if (c.GeneralLoss is double g)
            sb.AppendLine(Invariant($"  general loss = {g:F4}{(c.GeneralLimit is double l ? $" (limit {l:F4}{(c.LimitActive ? ", active" : "")})" : "")}"));
        return sb.ToString();
    }

    private static string At(double n, double d)
    {
        var parts = new List<string>();
        if (!double.IsNaN(n)) parts.Add(Invariant($"N = {n:G4}"));
        if (!double.IsNaN(d)) parts.Add(Invariant($"D = {d:G4}"));
        return parts.Count == 0 ? "" : " at " + string.Join(", ", parts);
    }

    private static string ToleranceText(CriticalMixtureRatioResult r) => r.Tolerance.Kind == LossToleranceKind.Absolute
        ? Invariant($"L_g⁰ = {r.PreTrainingLoss:G6} + {r.Tolerance.Value:G4}")
        : Invariant($"L_g⁰ = {r.PreTrainingLoss:G6} × (1 + {100 * r.Tolerance.Value:G4}%)");

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
