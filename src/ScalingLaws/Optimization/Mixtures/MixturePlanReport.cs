using System.Globalization;
using System.Text;

using ScalingLaws.Uncertainty;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>Text report of a <see cref="MixturePlan"/>.</summary>
internal static class MixturePlanReport
{
    public static string Format(MixturePlan plan)
    {
        var s = new StringBuilder();
        void Line(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"Mixture plan: {plan.Status} — {plan.Message}");
        Line($"Objective: {plan.Objective.Describe()} = {plan.ObjectiveValue:G6}");
        if (plan.Budget.ModelSize is not null || plan.Budget.Tokens is not null)
            Line($"Budget: N = {plan.Budget.ModelSize:G4}, D = {plan.Budget.Tokens:G4}");
        if (plan.Allocation is { } a)
            Line($"Allocation: C = {a.Compute:G4} → N = {a.ModelSize:G4}, D = {a.Tokens:G4} ({a.TokensPerParameter:G3} tokens/parameter), loss {a.Loss:G6}");
        int width = Math.Max(6, plan.Domains.Max(d => d.Length));
        var u = plan.Uncertainty;
        s.AppendLine();
        s.AppendLine("Weights" + (u is null ? "" : string.Create(CultureInfo.InvariantCulture, $" ({100 * u.Level:G3}% bootstrap interval; robust choice)")));
        for (int j = 0; j < plan.Domains.Length; j++)
        {
            string line = string.Create(CultureInfo.InvariantCulture, $"  {plan.Domains[j].PadRight(width)}  {plan.Weights[j],10:F6}");
            if (u is not null)
                line += string.Create(CultureInfo.InvariantCulture, $"  [{u.WeightIntervals[j].Lower:F4}, {u.WeightIntervals[j].Upper:F4}]  robust {u.RobustWeights[j]:F6}");
            s.AppendLine(line);
        }
        s.AppendLine();
        s.AppendLine("Predicted losses");
        int lossWidth = Math.Max(6, plan.Losses.Max(l => l.Name.Length));
        foreach (var l in plan.Losses)
            s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {l.Name.PadRight(lossWidth)}  {l.Value,10:F6}")
                + (l.Interval is { } i ? string.Create(CultureInfo.InvariantCulture, $"  [{i.Lower:F6}, {i.Upper:F6}]") : ""));
        s.AppendLine();
        Line($"KKT residual {plan.Kkt.Residual:G3} (stationarity {plan.Kkt.Stationarity:G3}, feasibility {plan.Kkt.Feasibility:G3}, complementarity {plan.Kkt.Complementarity:G3})");
        if (plan.ActiveConstraints.Length > 0)
        {
            s.AppendLine("Active constraints");
            foreach (var c in plan.ActiveConstraints) Line($"  {c.Description}   multiplier {c.Multiplier:G4}");
        }
        if (plan.ViolatedConstraints.Length > 0)
        {
            s.AppendLine("Violated constraints");
            foreach (var c in plan.ViolatedConstraints) Line($"  {c.Description}   value {c.Value:G6}");
        }
        if (plan.Baselines.Length > 0)
        {
            s.AppendLine();
            s.AppendLine("Baselines (objective, gap to the optimum)");
            int bw = Math.Max(8, plan.Baselines.Max(b => b.Name.Length));
            foreach (var b in plan.Baselines)
                s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {b.Name.PadRight(bw)}  {b.ObjectiveValue,10:F6}  {b.Gap,+10:+0.000000;-0.000000}")
                    + (b.IsFeasible ? "" : "  infeasible: " + string.Join("; ", b.Violations)));
        }
        if (u is not null)
        {
            s.AppendLine();
            Line($"Bootstrap: {u.Succeeded}/{u.Replicates} replicates; optimal objective {100 * u.Level:G3}% interval [{u.ObjectiveInterval.Lower:G6}, {u.ObjectiveInterval.Upper:G6}]");
            Line($"Robust choice: mean objective {u.RobustObjective:G6} (the plan's weights: {u.PlanMeanObjective:G6})");
        }
        Line($"Search: {plan.Search.Candidates} candidates ({plan.Search.FeasibleCandidates} feasible), {plan.Search.Starts} local searches, {plan.Search.Iterations} iterations, {plan.Search.Elapsed.TotalMilliseconds:F1} ms");
        return s.ToString();
    }
}
