using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ScalingLaws.Uncertainty;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Serialization;

/// <summary>
/// Versioned JSON for optimisation results: a <see cref="MixturePlan"/> (<c>"kind": "mixture-plan"</c>), a
/// <see cref="BudgetAllocation"/> (<c>"allocation"</c>) and a <see cref="ComputeFrontier"/> (<c>"frontier"</c>).
/// Every document carries <c>"schemaVersion"</c>; numbers use the round-trip format and non-finite numbers
/// are written as <c>null</c>. <see cref="Read"/> restores a plan written by <see cref="Write"/>.
/// </summary>
/// <remarks>
/// A plan document has: <c>status</c> (<c>optimal</c>, <c>not-converged</c>, <c>infeasible</c>), <c>message</c>,
/// <c>objective</c> (<c>kind</c>: <c>target</c>, <c>weighted-sum</c> or <c>worst</c>; <c>losses</c> with weights;
/// <c>description</c>; <c>value</c>), <c>budget</c> (<c>modelSize</c>, <c>tokens</c>), <c>domains</c> (<c>name</c>,
/// <c>weight</c>, and with a bootstrap <c>interval</c> and <c>robustWeight</c>), <c>losses</c> (<c>name</c>,
/// <c>value</c>, <c>interval</c>), <c>activeConstraints</c> and <c>violatedConstraints</c> (<c>kind</c>,
/// <c>description</c>, <c>subject</c>, <c>value</c>, <c>limit</c>, <c>slack</c>, <c>multiplier</c>), <c>kkt</c>,
/// <c>baselines</c> (<c>name</c>, <c>source</c>, <c>weights</c> by domain, <c>losses</c>, <c>objective</c>, <c>gap</c>,
/// <c>feasible</c>, <c>violations</c>, <c>droppedDomains</c>, <c>droppedWeight</c>, <c>missingDomains</c>),
/// <c>allocation</c> (or null), <c>uncertainty</c> (or null) and <c>search</c>.
/// </remarks>
public static class MixturePlanJson
{
    /// <summary>Serialises a plan (indented).</summary>
    /// <param name="plan">The plan.</param>
    public static string Write(MixturePlan plan) => JsonText.Object(null, w => WriteBody(w, plan));

    /// <summary>Serialises an allocation (indented).</summary>
    /// <param name="allocation">The allocation.</param>
    public static string WriteAllocation(BudgetAllocation allocation) => JsonText.Object(null, w =>
    {
        w.WriteNumber("schemaVersion", SchemaVersion.Current);
        w.WriteString("kind", "allocation");
        WriteAllocationBody(w, allocation);
    });

    /// <summary>Serialises a compute-optimal frontier (indented).</summary>
    /// <param name="frontier">The frontier.</param>
    public static string WriteFrontier(ComputeFrontier frontier) => JsonText.Object(null, w =>
    {
        ArgumentNullException.ThrowIfNull(frontier);
        w.WriteNumber("schemaVersion", SchemaVersion.Current);
        w.WriteString("kind", "frontier");
        JsonNumbers.Write(w, "modelSizeExponent", frontier.ModelSizeExponent);
        JsonNumbers.Write(w, "tokensExponent", frontier.TokensExponent);
        w.WriteStartArray("points");
        foreach (var p in frontier.Points)
        {
            w.WriteStartObject();
            WriteAllocationBody(w, p);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    /// <summary>Writes the plan's properties into an object already started (for documents holding several results).</summary>
    /// <param name="w">The writer, positioned inside an object.</param>
    /// <param name="plan">The plan.</param>
    public static void WriteBody(Utf8JsonWriter w, MixturePlan plan)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(plan);
        w.WriteNumber("schemaVersion", SchemaVersion.Current);
        w.WriteString("kind", "mixture-plan");
        w.WriteString("status", StatusText(plan.Status));
        w.WriteString("message", plan.Message);
        w.WriteStartObject("objective");
        w.WriteString("kind", KindText(plan.Objective.Kind));
        w.WriteStartArray("losses");
        for (int i = 0; i < plan.Objective.Losses.Length; i++)
        {
            w.WriteStartObject();
            w.WriteString("name", plan.Objective.Losses[i]);
            JsonNumbers.Write(w, "weight", plan.Objective.Weights[i]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("description", plan.Objective.Describe());
        JsonNumbers.Write(w, "value", plan.ObjectiveValue);
        w.WriteEndObject();
        w.WriteStartObject("budget");
        JsonNumbers.Write(w, "modelSize", plan.Budget.ModelSize);
        JsonNumbers.Write(w, "tokens", plan.Budget.Tokens);
        w.WriteEndObject();
        var u = plan.Uncertainty;
        w.WriteStartArray("domains");
        for (int j = 0; j < plan.Domains.Length; j++)
        {
            w.WriteStartObject();
            w.WriteString("name", plan.Domains[j]);
            JsonNumbers.Write(w, "weight", plan.Weights[j]);
            if (u is not null)
            {
                WriteInterval(w, "interval", u.WeightIntervals[j]);
                JsonNumbers.Write(w, "robustWeight", u.RobustWeights[j]);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteLosses(w, "losses", plan.Losses);
        WriteConstraints(w, "activeConstraints", plan.ActiveConstraints);
        WriteConstraints(w, "violatedConstraints", plan.ViolatedConstraints);
        w.WriteStartObject("kkt");
        JsonNumbers.Write(w, "residual", plan.Kkt.Residual);
        JsonNumbers.Write(w, "stationarity", plan.Kkt.Stationarity);
        JsonNumbers.Write(w, "feasibility", plan.Kkt.Feasibility);
        JsonNumbers.Write(w, "complementarity", plan.Kkt.Complementarity);
        JsonNumbers.Write(w, "simplexMultiplier", plan.Kkt.SimplexMultiplier);
        w.WriteEndObject();
        w.WriteStartArray("baselines");
        foreach (var b in plan.Baselines)
        {
            w.WriteStartObject();
            w.WriteString("name", b.Name);
            w.WriteString("source", b.Baseline.Source);
            w.WriteStartObject("weights");
            for (int j = 0; j < plan.Domains.Length && j < b.Baseline.Weights.Length; j++) JsonNumbers.Write(w, plan.Domains[j], b.Baseline.Weights[j]);
            w.WriteEndObject();
            WriteLosses(w, "losses", b.Losses);
            JsonNumbers.Write(w, "objective", b.ObjectiveValue);
            JsonNumbers.Write(w, "gap", b.Gap);
            w.WriteBoolean("feasible", b.IsFeasible);
            WriteStrings(w, "violations", b.Violations);
            WriteStrings(w, "droppedDomains", b.Baseline.DroppedDomains);
            JsonNumbers.Write(w, "droppedWeight", b.Baseline.DroppedWeight);
            WriteStrings(w, "missingDomains", b.Baseline.MissingDomains);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (plan.Allocation is { } a)
        {
            w.WriteStartObject("allocation");
            WriteAllocationBody(w, a);
            w.WriteEndObject();
        }
        else w.WriteNull("allocation");
        if (u is not null)
        {
            w.WriteStartObject("uncertainty");
            w.WriteNumber("replicates", u.Replicates);
            w.WriteNumber("succeeded", u.Succeeded);
            JsonNumbers.Write(w, "level", u.Level);
            WriteInterval(w, "objectiveInterval", u.ObjectiveInterval);
            JsonNumbers.Write(w, "robustObjective", u.RobustObjective);
            JsonNumbers.Write(w, "planMeanObjective", u.PlanMeanObjective);
            WriteLosses(w, "robustLosses", u.RobustLosses);
            w.WriteStartArray("weightSamples");
            foreach (var sample in u.WeightSamples)
            {
                w.WriteStartArray();
                foreach (double x in sample) JsonNumbers.WriteValue(w, x);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else w.WriteNull("uncertainty");
        var s = plan.Search;
        w.WriteStartObject("search");
        w.WriteNumber("candidates", s.Candidates);
        w.WriteNumber("feasibleCandidates", s.FeasibleCandidates);
        JsonNumbers.Write(w, "bestCandidateObjective", s.BestCandidateObjective);
        w.WriteNumber("starts", s.Starts);
        w.WriteNumber("iterations", s.Iterations);
        w.WriteNumber("evaluations", s.Evaluations);
        w.WriteNumber("seed", s.Seed);
        JsonNumbers.Write(w, "elapsedMs", s.Elapsed.TotalMilliseconds);
        w.WriteEndObject();
    }

    /// <summary>Reads a plan written by <see cref="Write"/>.</summary>
    /// <param name="json">The document.</param>
    /// <exception cref="JsonException">Not a mixture-plan document of a supported schema version.</exception>
    public static MixturePlan Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kind", out var kind) || kind.GetString() != "mixture-plan")
            throw new JsonException("Not a mixture-plan document (expected \"kind\": \"mixture-plan\").");
        int version = root.GetProperty("schemaVersion").GetInt32();
        if (version > SchemaVersion.Current)
            throw new JsonException($"Schema version {version} is newer than this library's ({SchemaVersion.Current}).");
        var objectiveElement = root.GetProperty("objective");
        var pairs = objectiveElement.GetProperty("losses").EnumerateArray()
            .Select(e => KeyValuePair.Create(e.GetProperty("name").GetString()!, JsonNumbers.Read(e.GetProperty("weight")))).ToList();
        var objective = objectiveElement.GetProperty("kind").GetString() switch
        {
            "target" => MixtureObjective.Target(pairs[0].Key),
            "weighted-sum" => MixtureObjective.WeightedSum(pairs),
            "worst" => MixtureObjective.Worst(pairs.Select(p => p.Key)),
            var other => throw new JsonException($"Unknown objective kind '{other}'."),
        };
        var budgetElement = root.GetProperty("budget");
        var budget = new TrainingBudget(Nullable(budgetElement.GetProperty("modelSize")), Nullable(budgetElement.GetProperty("tokens")));
        var domainElements = root.GetProperty("domains").EnumerateArray().ToList();
        var domains = domainElements.Select(e => e.GetProperty("name").GetString()!).ToImmutableArray();
        var weights = domainElements.Select(e => JsonNumbers.Read(e.GetProperty("weight"))).ToImmutableArray();
        var kkt = root.GetProperty("kkt");
        var search = root.GetProperty("search");
        MixtureUncertainty? uncertainty = null;
        if (root.GetProperty("uncertainty") is { ValueKind: JsonValueKind.Object } ue)
            uncertainty = new MixtureUncertainty(
                ue.GetProperty("replicates").GetInt32(),
                ue.GetProperty("succeeded").GetInt32(),
                JsonNumbers.Read(ue.GetProperty("level")),
                domainElements.Select(e => ReadInterval(e.GetProperty("interval"))).ToImmutableArray(),
                ReadInterval(ue.GetProperty("objectiveInterval")),
                ue.GetProperty("weightSamples").EnumerateArray().Select(a => a.EnumerateArray().Select(x => JsonNumbers.Read(x)).ToImmutableArray()).ToImmutableArray(),
                domainElements.Select(e => JsonNumbers.Read(e.GetProperty("robustWeight"))).ToImmutableArray(),
                JsonNumbers.Read(ue.GetProperty("robustObjective")),
                ReadLosses(ue.GetProperty("robustLosses")),
                JsonNumbers.Read(ue.GetProperty("planMeanObjective")));
        var baselines = root.GetProperty("baselines").EnumerateArray().Select(b =>
        {
            var bw = b.GetProperty("weights");
            var baseline = new MixtureBaseline(b.GetProperty("name").GetString()!, domains.Select(d => JsonNumbers.Read(bw.GetProperty(d))), b.GetProperty("source").GetString() ?? "")
            {
                DroppedDomains = Strings(b.GetProperty("droppedDomains")),
                DroppedWeight = JsonNumbers.Read(b.GetProperty("droppedWeight")),
                MissingDomains = Strings(b.GetProperty("missingDomains")),
            };
            return new BaselineEvaluation(baseline, ReadLosses(b.GetProperty("losses")), JsonNumbers.Read(b.GetProperty("objective")),
                JsonNumbers.Read(b.GetProperty("gap")), Strings(b.GetProperty("violations")));
        }).ToImmutableArray();
        return new MixturePlan
        {
            Status = root.GetProperty("status").GetString() switch
            {
                "optimal" => MixturePlanStatus.Optimal,
                "not-converged" => MixturePlanStatus.NotConverged,
                "infeasible" => MixturePlanStatus.Infeasible,
                var other => throw new JsonException($"Unknown status '{other}'."),
            },
            Message = root.GetProperty("message").GetString() ?? "",
            Domains = domains,
            Weights = weights,
            Objective = objective,
            ObjectiveValue = JsonNumbers.Read(objectiveElement.GetProperty("value")),
            Losses = ReadLosses(root.GetProperty("losses")),
            ActiveConstraints = ReadConstraints(root.GetProperty("activeConstraints")),
            ViolatedConstraints = ReadConstraints(root.GetProperty("violatedConstraints")),
            Kkt = new KktReport(JsonNumbers.Read(kkt.GetProperty("stationarity")), JsonNumbers.Read(kkt.GetProperty("feasibility")),
                JsonNumbers.Read(kkt.GetProperty("complementarity")), JsonNumbers.Read(kkt.GetProperty("simplexMultiplier"))),
            Baselines = baselines,
            Budget = budget,
            Search = new MixtureSearchSummary(search.GetProperty("candidates").GetInt32(), search.GetProperty("feasibleCandidates").GetInt32(),
                JsonNumbers.Read(search.GetProperty("bestCandidateObjective")), search.GetProperty("starts").GetInt32(),
                search.GetProperty("iterations").GetInt32(), search.GetProperty("evaluations").GetInt64(), search.GetProperty("seed").GetInt32(),
                JsonNumbers.ReadMilliseconds(search.GetProperty("elapsedMs"))),
            Allocation = root.GetProperty("allocation") is { ValueKind: JsonValueKind.Object } ae ? ReadAllocation(ae) : null,
            Uncertainty = uncertainty,
        };
    }

    /// <summary>Reads an allocation written by <see cref="WriteAllocation"/>.</summary>
    /// <param name="json">The document.</param>
    /// <exception cref="JsonException">Not an allocation document.</exception>
    public static BudgetAllocation ReadAllocation(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("kind", out var kind) || kind.GetString() != "allocation")
            throw new JsonException("Not an allocation document (expected \"kind\": \"allocation\").");
        return ReadAllocation(root);
    }

    private static void WriteAllocationBody(Utf8JsonWriter w, BudgetAllocation a)
    {
        ArgumentNullException.ThrowIfNull(a);
        JsonNumbers.Write(w, "compute", a.Compute);
        JsonNumbers.Write(w, "modelSize", a.ModelSize);
        JsonNumbers.Write(w, "tokens", a.Tokens);
        JsonNumbers.Write(w, "tokensPerParameter", a.TokensPerParameter);
        JsonNumbers.Write(w, "loss", a.Loss);
        w.WriteString("method", a.Method == AllocationMethod.ClosedForm ? "closed-form" : "numeric");
        w.WriteBoolean("atRangeLimit", a.AtRangeLimit);
        w.WriteStartObject("variables");
        foreach (var (name, value) in a.Variables.OrderBy(p => p.Key, StringComparer.Ordinal)) JsonNumbers.Write(w, name, value);
        w.WriteEndObject();
        JsonNumbers.Write(w, "modelSizeExponent", a.ModelSizeExponent);
        JsonNumbers.Write(w, "tokensExponent", a.TokensExponent);
        JsonNumbers.Write(w, "coefficient", a.Coefficient);
    }

    private static BudgetAllocation ReadAllocation(JsonElement e) => new()
    {
        Compute = JsonNumbers.Read(e.GetProperty("compute")),
        ModelSize = JsonNumbers.Read(e.GetProperty("modelSize")),
        Tokens = JsonNumbers.Read(e.GetProperty("tokens")),
        Loss = JsonNumbers.Read(e.GetProperty("loss")),
        Method = e.GetProperty("method").GetString() == "closed-form" ? AllocationMethod.ClosedForm : AllocationMethod.Numeric,
        AtRangeLimit = e.GetProperty("atRangeLimit").GetBoolean(),
        Variables = e.GetProperty("variables").EnumerateObject().ToImmutableDictionary(p => p.Name, p => JsonNumbers.Read(p.Value)),
        ModelSizeExponent = Nullable(e.GetProperty("modelSizeExponent")),
        TokensExponent = Nullable(e.GetProperty("tokensExponent")),
        Coefficient = Nullable(e.GetProperty("coefficient")),
    };

    private static void WriteLosses(Utf8JsonWriter w, string name, ImmutableArray<PredictedLoss> losses)
    {
        w.WriteStartArray(name);
        foreach (var l in losses)
        {
            w.WriteStartObject();
            w.WriteString("name", l.Name);
            JsonNumbers.Write(w, "value", l.Value);
            if (l.Interval is { } i) WriteInterval(w, "interval", i);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static ImmutableArray<PredictedLoss> ReadLosses(JsonElement e) =>
        e.EnumerateArray().Select(l => new PredictedLoss(l.GetProperty("name").GetString()!, JsonNumbers.Read(l.GetProperty("value")),
            l.TryGetProperty("interval", out var i) ? ReadInterval(i) : null)).ToImmutableArray();

    private static void WriteInterval(Utf8JsonWriter w, string name, BootstrapInterval interval)
    {
        w.WriteStartObject(name);
        JsonNumbers.Write(w, "lower", interval.Lower);
        JsonNumbers.Write(w, "upper", interval.Upper);
        JsonNumbers.Write(w, "median", interval.Median);
        JsonNumbers.Write(w, "level", interval.Level);
        w.WriteEndObject();
    }

    private static BootstrapInterval ReadInterval(JsonElement e) =>
        new(JsonNumbers.Read(e.GetProperty("lower")), JsonNumbers.Read(e.GetProperty("upper")), JsonNumbers.Read(e.GetProperty("median")),
            JsonNumbers.Read(e.GetProperty("level")));

    private static void WriteConstraints(Utf8JsonWriter w, string name, ImmutableArray<ConstraintReport> constraints)
    {
        w.WriteStartArray(name);
        foreach (var c in constraints)
        {
            w.WriteStartObject();
            w.WriteString("kind", c.Kind switch
            {
                ConstraintKind.LowerBound => "lower-bound", ConstraintKind.UpperBound => "upper-bound",
                ConstraintKind.DataAvailability => "data-availability", _ => "loss-limit",
            });
            w.WriteString("description", c.Description);
            w.WriteString("subject", c.Subject);
            JsonNumbers.Write(w, "value", c.Value);
            JsonNumbers.Write(w, "limit", c.Limit);
            JsonNumbers.Write(w, "slack", c.Slack);
            JsonNumbers.Write(w, "multiplier", c.Multiplier);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static ImmutableArray<ConstraintReport> ReadConstraints(JsonElement e) =>
        e.EnumerateArray().Select(c => new ConstraintReport(
            c.GetProperty("kind").GetString() switch
            {
                "lower-bound" => ConstraintKind.LowerBound, "upper-bound" => ConstraintKind.UpperBound,
                "data-availability" => ConstraintKind.DataAvailability, "loss-limit" => ConstraintKind.LossLimit,
                var other => throw new JsonException($"Unknown constraint kind '{other}'."),
            },
            c.GetProperty("description").GetString()!, c.GetProperty("subject").GetString()!, JsonNumbers.Read(c.GetProperty("value")),
            JsonNumbers.Read(c.GetProperty("limit")), JsonNumbers.Read(c.GetProperty("slack")), JsonNumbers.Read(c.GetProperty("multiplier")))).ToImmutableArray();

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static ImmutableArray<string> Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToImmutableArray();

    private static double? Nullable(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    private static string StatusText(MixturePlanStatus s) => s switch
    {
        MixturePlanStatus.Optimal => "optimal", MixturePlanStatus.NotConverged => "not-converged", _ => "infeasible",
    };

    private static string KindText(ObjectiveKind k) => k switch
    {
        ObjectiveKind.Target => "target", ObjectiveKind.WeightedSum => "weighted-sum", _ => "worst",
    };
}
