using System.Collections.Immutable;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Mixtures;
using ScalingLaws.Serialization.Documents;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Serialization;

/// <summary>
/// The one reader and writer of optimisation results: a mixture plan (<see cref="MixturePlanDocument"/>, <c>"kind": "mixture-plan"</c>,
/// schema <c>docs/schema/mixture-plan.schema.json</c>), a compute allocation (<see cref="AllocationDocument"/>, <c>"allocation"</c>) and a
/// compute-optimal frontier (<see cref="FrontierDocument"/>, <c>"frontier"</c>). Writing what was read gives the same bytes.
/// </summary>
public static class MixturePlanJson
{
    /// <summary>Serialises a plan (indented).</summary>
    /// <param name="plan">The plan.</param>
    public static string Write(MixturePlan plan) => Write(ToDocument(plan));

    /// <summary>Serialises a plan document (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(MixturePlanDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.MixturePlanDocument);

    /// <summary>Reads a plan document, checking its schema version, kind and members.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a mixture-plan document of this schema version (the message names both versions).</exception>
    public static MixturePlanDocument Read(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.MixturePlanDocument, "mixture-plan");

    /// <summary>Serialises an allocation (indented).</summary>
    /// <param name="allocation">The allocation.</param>
    public static string WriteAllocation(BudgetAllocation allocation) =>
        WriteAllocation(new AllocationDocument(SchemaVersion.Current, "allocation", ToEntry(allocation)));

    /// <summary>Serialises an allocation document (indented).</summary>
    /// <param name="document">The document.</param>
    public static string WriteAllocation(AllocationDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.AllocationDocument);

    /// <summary>Reads an allocation document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not an allocation document of this schema version.</exception>
    public static AllocationDocument ReadAllocation(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.AllocationDocument, "allocation");

    /// <summary>Serialises a compute-optimal frontier (indented).</summary>
    /// <param name="frontier">The frontier.</param>
    public static string WriteFrontier(ComputeFrontier frontier)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        return WriteFrontier(new FrontierDocument(SchemaVersion.Current, "frontier", frontier.ModelSizeExponent, frontier.TokensExponent,
            [.. frontier.Points.Select(ToEntry)]));
    }

    /// <summary>Serialises a frontier document (indented).</summary>
    /// <param name="document">The document.</param>
    public static string WriteFrontier(FrontierDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.FrontierDocument);

    /// <summary>Reads a frontier document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a frontier document of this schema version.</exception>
    public static FrontierDocument ReadFrontier(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.FrontierDocument, "frontier");

    /// <summary>The document of <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan.</param>
    public static MixturePlanDocument ToDocument(MixturePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var u = plan.Uncertainty;
        return new MixturePlanDocument(
            SchemaVersion.Current, "mixture-plan", StatusText(plan.Status), plan.Message,
            new PlanObjectiveEntry(KindText(plan.Objective.Kind),
                [.. plan.Objective.Losses.Select((l, i) => new ObjectiveLossEntry(l, plan.Objective.Weights[i]))], plan.Objective.Describe(), plan.ObjectiveValue),
            new PlanBudgetEntry(plan.Budget.ModelSize, plan.Budget.Tokens),
            [.. plan.Domains.Select((d, j) => new PlanDomainEntry(d, plan.Weights[j], u is null ? null : Interval(u.WeightIntervals[j]), u?.RobustWeights[j]))],
            Losses(plan.Losses), Constraints(plan.ActiveConstraints), Constraints(plan.ViolatedConstraints),
            new KktEntry(plan.Kkt.Residual, plan.Kkt.Stationarity, plan.Kkt.Feasibility, plan.Kkt.Complementarity, plan.Kkt.SimplexMultiplier),
            [.. plan.Baselines.Select(b => new BaselineEntry(b.Name, b.Baseline.Source,
                ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, plan.Domains.Take(b.Baseline.Weights.Length).Select((d, j) => KeyValuePair.Create(d, b.Baseline.Weights[j]))),
                Losses(b.Losses), b.ObjectiveValue, b.Gap, b.IsFeasible, [.. b.Violations], b.Baseline.DroppedDomains, b.Baseline.DroppedWeight, b.Baseline.MissingDomains))],
            plan.Allocation is { } a ? ToEntry(a) : null,
            u is null ? null : new PlanUncertaintyEntry(u.Replicates, u.Succeeded, u.Level, Interval(u.ObjectiveInterval), u.RobustObjective, u.PlanMeanObjective,
                Losses(u.RobustLosses), u.WeightSamples),
            new PlanSearchEntry(plan.Search.Candidates, plan.Search.FeasibleCandidates, plan.Search.BestCandidateObjective, plan.Search.Starts,
                plan.Search.Iterations, plan.Search.Evaluations, plan.Search.Seed, plan.Search.Elapsed.TotalMilliseconds));
    }

    /// <summary>The plan a document describes (what <see cref="ToDocument"/> wrote).</summary>
    /// <param name="document">The document.</param>
    /// <exception cref="FormatException">An unknown status, objective or constraint kind, or an objective without losses.</exception>
    public static MixturePlan ToPlan(MixturePlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var o = document.Objective;
        if (o.Losses.IsDefaultOrEmpty) throw new FormatException("The plan's objective names no loss.");
        var pairs = o.Losses.Select(l => KeyValuePair.Create(l.Name, l.Weight)).ToList();
        var objective = o.Kind switch
        {
            "target" => MixtureObjective.Target(pairs[0].Key),
            "weighted-sum" => MixtureObjective.WeightedSum(pairs),
            "worst" => MixtureObjective.Worst(pairs.Select(p => p.Key)),
            var other => throw new FormatException($"Unknown objective kind '{other}'."),
        };
        var domains = document.Domains.Select(d => d.Name).ToImmutableArray();
        var u = document.Uncertainty;
        var s = document.Search;
        return new MixturePlan
        {
            Status = document.Status switch
            {
                "optimal" => MixturePlanStatus.Optimal,
                "not-converged" => MixturePlanStatus.NotConverged,
                "infeasible" => MixturePlanStatus.Infeasible,
                var other => throw new FormatException($"Unknown status '{other}'."),
            },
            Message = document.Message,
            Domains = domains,
            Weights = [.. document.Domains.Select(d => d.Weight)],
            Objective = objective,
            ObjectiveValue = o.Value,
            Losses = Losses(document.Losses),
            ActiveConstraints = Constraints(document.ActiveConstraints),
            ViolatedConstraints = Constraints(document.ViolatedConstraints),
            Kkt = new KktReport(document.Kkt.Stationarity, document.Kkt.Feasibility, document.Kkt.Complementarity, document.Kkt.SimplexMultiplier),
            Baselines = [.. document.Baselines.Select(b => new BaselineEvaluation(
                new MixtureBaseline(b.Name, domains.Select(d => b.Weights.TryGetValue(d, out double w) ? w : double.NaN), b.Source)
                {
                    DroppedDomains = b.DroppedDomains, DroppedWeight = b.DroppedWeight, MissingDomains = b.MissingDomains,
                },
                Losses(b.Losses), b.Objective, b.Gap, b.Violations))],
            Budget = new TrainingBudget(document.Budget.ModelSize, document.Budget.Tokens),
            Search = new MixtureSearchSummary(s.Candidates, s.FeasibleCandidates, s.BestCandidateObjective, s.Starts, s.Iterations, s.Evaluations, s.Seed,
                JsonNumbers.Duration(s.ElapsedMs)),
            Allocation = document.Allocation is { } a ? ToAllocation(a) : null,
            Uncertainty = u is null ? null : new MixtureUncertainty(u.Replicates, u.Succeeded, u.Level,
                [.. document.Domains.Select(d => Interval(d.Interval))], Interval(u.ObjectiveInterval), u.WeightSamples,
                [.. document.Domains.Select(d => d.RobustWeight ?? double.NaN)], u.RobustObjective, Losses(u.RobustLosses), u.PlanMeanObjective),
        };
    }

    /// <summary>The allocation an entry describes.</summary>
    /// <param name="entry">The entry.</param>
    public static BudgetAllocation ToAllocation(AllocationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new()
        {
            Compute = entry.Compute, ModelSize = entry.ModelSize, Tokens = entry.Tokens, Loss = entry.Loss,
            Method = entry.Method == "closed-form" ? AllocationMethod.ClosedForm : AllocationMethod.Numeric,
            AtRangeLimit = entry.AtRangeLimit, Variables = entry.Variables.ToImmutableDictionary(StringComparer.Ordinal),
            ModelSizeExponent = entry.ModelSizeExponent, TokensExponent = entry.TokensExponent, Coefficient = entry.Coefficient,
        };
    }

    private static AllocationEntry ToEntry(BudgetAllocation a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AllocationEntry(a.Compute, a.ModelSize, a.Tokens, a.TokensPerParameter, a.Loss, a.Method == AllocationMethod.ClosedForm ? "closed-form" : "numeric",
            a.AtRangeLimit, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, a.Variables), a.ModelSizeExponent, a.TokensExponent, a.Coefficient);
    }

    private static ImmutableArray<PredictedLossEntry> Losses(ImmutableArray<PredictedLoss> losses) =>
        [.. losses.Select(l => new PredictedLossEntry(l.Name, l.Value, l.Interval is { } i ? Interval(i) : null))];

    private static ImmutableArray<PredictedLoss> Losses(ImmutableArray<PredictedLossEntry> losses) =>
        [.. losses.Select(l => new PredictedLoss(l.Name, l.Value, l.Interval is { } i ? Interval(i) : null))];

    private static IntervalEntry Interval(BootstrapInterval i) => new(i.Lower, i.Upper, i.Median, i.Level);

    private static BootstrapInterval Interval(IntervalEntry? i) =>
        i is null ? new BootstrapInterval(double.NaN, double.NaN, double.NaN, double.NaN) : new(i.Lower, i.Upper, i.Median, i.Level);

    private static ImmutableArray<ConstraintEntry> Constraints(ImmutableArray<ConstraintReport> constraints) =>
        [.. constraints.Select(c => new ConstraintEntry(c.Kind switch
        {
            ConstraintKind.LowerBound => "lower-bound", ConstraintKind.UpperBound => "upper-bound",
            ConstraintKind.DataAvailability => "data-availability", _ => "loss-limit",
        }, c.Description, c.Subject, c.Value, c.Limit, c.Slack, c.Multiplier))];

    private static ImmutableArray<ConstraintReport> Constraints(ImmutableArray<ConstraintEntry> constraints) =>
        [.. constraints.Select(c => new ConstraintReport(c.Kind switch
        {
            "lower-bound" => ConstraintKind.LowerBound, "upper-bound" => ConstraintKind.UpperBound,
            "data-availability" => ConstraintKind.DataAvailability, "loss-limit" => ConstraintKind.LossLimit,
            var other => throw new FormatException($"Unknown constraint kind '{other}'."),
        }, c.Description, c.Subject, c.Value, c.Limit, c.Slack, c.Multiplier))];

    private static string StatusText(MixturePlanStatus s) => s switch
    {
        MixturePlanStatus.Optimal => "optimal", MixturePlanStatus.NotConverged => "not-converged", _ => "infeasible",
    };

    private static string KindText(ObjectiveKind k) => k switch
    {
        ObjectiveKind.Target => "target", ObjectiveKind.WeightedSum => "weighted-sum", _ => "worst",
    };
}
