using System.Text;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Continual;
using ScalingLaws.Optimization.Mixtures;
using ScalingLaws.Uncertainty;
using static ScalingLaws.Display.HtmlTable;

namespace ScalingLaws.Display;

public static partial class HtmlView
{
    /// <summary>
    /// A mixture plan: status and objective; the weights beside every baseline's (with bootstrap intervals and the
    /// robust choice when computed); the predicted losses at each; active and violated constraints; KKT residual.
    /// </summary>
    /// <param name="plan">The plan.</param>
    public static string Render(MixturePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var html = Open("plan");
        html.Append("<p><strong>Mixture plan</strong>: ").Append(Encode(plan.Message)).Append("</p>\n");
        var u = plan.Uncertainty;
        var header = new List<string> { "domain", "optimum" };
        if (u is not null) header.AddRange([string.Create(Inv, $"{100 * u.Level:G3}% interval"), "robust"]);
        header.AddRange(plan.Baselines.Select(b => b.Name));
        var weights = new HtmlTable("Weights", [.. header]);
        for (int j = 0; j < plan.Domains.Length; j++)
        {
            var row = new List<(string, bool)> { Text(plan.Domains[j]), Number(plan.Weights[j].ToString("F4", Inv)) };
            if (u is not null)
                row.AddRange([Number($"[{u.WeightIntervals[j].Lower.ToString("F4", Inv)}, {u.WeightIntervals[j].Upper.ToString("F4", Inv)}]"),
                    Number(u.RobustWeights[j].ToString("F4", Inv))]);
            row.AddRange(plan.Baselines.Select(b => Number(b.Baseline.Weights[j].ToString("F4", Inv))));
            weights.Row([.. row]);
        }
        weights.WriteTo(html);
        var lossHeader = new List<string> { "loss", "optimum" };
        if (u is not null) lossHeader.AddRange([string.Create(Inv, $"{100 * u.Level:G3}% interval"), "robust (mean)"]);
        lossHeader.AddRange(plan.Baselines.Select(b => b.Name));
        var losses = new HtmlTable("Predicted losses", [.. lossHeader]);
        for (int i = 0; i < plan.Losses.Length; i++)
        {
            var loss = plan.Losses[i];
            var row = new List<(string, bool)> { Text(loss.Name), Number(G(loss.Value)) };
            if (u is not null) row.AddRange([Number(Interval(loss.Interval)), Number(G(u.RobustLosses.FirstOrDefault(l => l.Name == loss.Name)?.Value))]);
            row.AddRange(plan.Baselines.Select(b => Number(G(b.Losses.FirstOrDefault(l => l.Name == loss.Name)?.Value))));
            losses.Row([.. row]);
        }
        var objectiveRow = new List<(string, bool)> { Text("objective"), Number(G(plan.ObjectiveValue)) };
        if (u is not null) objectiveRow.AddRange([Number(Interval(u.ObjectiveInterval)), Number(G(u.RobustObjective))]);
        objectiveRow.AddRange(plan.Baselines.Select(b => Number(G(b.ObjectiveValue))));
        losses.Row([.. objectiveRow]);
        losses.WriteTo(html);
        var constraints = plan.ActiveConstraints.Select(c => (c, "active")).Concat(plan.ViolatedConstraints.Select(c => (c, "violated"))).ToList();
        if (constraints.Count > 0)
        {
            var table = new HtmlTable("Constraints", "constraint", "state", "value", "limit", "multiplier");
            foreach (var (c, state) in constraints)
                table.Row(Text(c.Description), Text(state), Number(G(c.Value)), Number(G(c.Limit)), Number(G(c.Multiplier)));
            table.WriteTo(html);
        }
        if (u is not null)
            html.Append("<p>").Append(Encode(string.Create(Inv,
                $"Bootstrap: {u.Succeeded}/{u.Replicates} replicates; mean objective at the robust mixture {G(u.RobustObjective)}, at the optimum {G(u.PlanMeanObjective)}."))).Append("</p>\n");
        Warnings(html, plan.Baselines.Where(b => !b.IsFeasible).Select(b => $"baseline '{b.Name}' is infeasible: {string.Join("; ", b.Violations)}"));
        return Close(html);
    }

    /// <summary>A compute-optimal allocation: C, N, D, tokens per parameter, loss, and the power-law exponents when known.</summary>
    /// <param name="allocation">The allocation.</param>
    public static string Render(BudgetAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var html = Open("allocation");
        new HtmlTable("Compute-optimal allocation", "C (FLOP)", "N", "D", "D/N", "loss", "N exponent", "D exponent", "method")
            .Row(Number(G(allocation.Compute)), Number(G(allocation.ModelSize)), Number(G(allocation.Tokens)), Number(G(allocation.TokensPerParameter)),
                Number(G(allocation.Loss)), Number(G(allocation.ModelSizeExponent)), Number(G(allocation.TokensExponent)),
                Text(allocation.Method.ToString() + (allocation.AtRangeLimit ? " (at the search range limit)" : "")))
            .WriteTo(html);
        return Close(html);
    }

    /// <summary>A continual pre-training choice: domain share, predicted domain and general losses, the limit, N and D.</summary>
    /// <param name="choice">The choice.</param>
    public static string Render(ContinualPretrainingChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var html = Open("cpt");
        html.Append("<p><strong>Continual pre-training</strong>: ").Append(choice.IsFeasible ? "feasible" : "<strong>infeasible</strong>")
            .Append(" — ").Append(Encode(choice.Message)).Append("</p>\n");
        new HtmlTable("Choice", "domain share", "domain loss", "general loss", "general limit", "limit binds", "N", "D")
            .Row(Number(G(choice.DomainShare)), Number(G(choice.DomainLoss)), Number(G(choice.GeneralLoss)), Number(G(choice.GeneralLimit)),
                Text(choice.LimitActive ? "yes" : "no"), Number(IfRead(choice.ModelSize)), Number(IfRead(choice.Tokens)))
            .WriteTo(html);
        return Close(html);
    }

    /// <summary>A critical mixture ratio: status, the ratio, the general loss there, the limit and the pre-training loss.</summary>
    /// <param name="result">The result.</param>
    public static string Render(CriticalMixtureRatioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = Open("cmr");
        new HtmlTable("Critical mixture ratio", "status", "ratio", "general loss at ratio", "limit", "pre-training loss", "tolerance")
            .Row(Text(result.Status.ToString()), Number(G(result.Ratio)), Number(G(result.GeneralLossAtRatio)), Number(G(result.Limit)),
                Number(G(result.PreTrainingLoss)), Text(ToleranceText(result.Tolerance)))
            .WriteTo(html);
        return Close(html);
    }

    private static string ToleranceText(LossTolerance tolerance) => tolerance.Kind == LossToleranceKind.Relative
        ? "+" + (100 * tolerance.Value).ToString("G4", Inv) + " %"
        : "+" + tolerance.Value.ToString("G4", Inv);

    // N and D are NaN when the laws do not read them.
    private static string IfRead(double value) => double.IsNaN(value) ? "–" : G(value);
}
