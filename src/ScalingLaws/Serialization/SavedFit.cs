using System.Collections.Immutable;
using System.Text.Json;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Serialization;

/// <summary>
/// A fit read back from the JSON written by <see cref="FitJson"/>: enough to rebuild the law and predict.
/// </summary>
/// <param name="Law">Catalogue name, or <c>formula</c>.</param>
/// <param name="Formula">The law's formula text.</param>
/// <param name="Target">Target column.</param>
/// <param name="Variables">Variables in the law's order.</param>
/// <param name="ParameterNames">Parameter names in the law's order.</param>
/// <param name="Values">Fitted values in the law's order.</param>
/// <param name="StandardErrors">Standard errors (NaN where unavailable).</param>
/// <param name="Usable">Whether the fit converged.</param>
public sealed record SavedFit(string Law, string Formula, string Target, ImmutableArray<string> Variables,
    ImmutableArray<string> ParameterNames, ImmutableArray<double> Values, ImmutableArray<double> StandardErrors, bool Usable)
{
    /// <summary>The fit's loss as text (<c>l2</c>, <c>huber:0.001</c>, …).</summary>
    public string Loss { get; init; } = "l2";

    /// <summary>The fit's residual space.</summary>
    public ResidualSpace Space { get; init; } = ResidualSpace.Linear;

    /// <summary>Why the fit stopped.</summary>
    public Termination Termination { get; init; } = Termination.CostTolerance;

    /// <summary>Objective at the solution.</summary>
    public double Objective { get; init; } = double.NaN;

    /// <summary>The covariance of the free parameters as saved (unavailable when the fit had none).</summary>
    public Uncertainty.ParameterCovariance Covariance { get; init; } = Uncertainty.ParameterCovariance.Unavailable("not in the fit file");

    /// <summary>Whether the fit's domain weights were rescaled to sum to 1 per row (<c>--normalize-weights</c>).</summary>
    public bool NormalizedWeights { get; init; }

    /// <summary>Parameter bounds used by the fit, in the law's order.</summary>
    public ImmutableArray<(double Lower, double Upper)> Bounds { get; init; } = ImmutableArray<(double, double)>.Empty;

    /// <summary>
    /// A <see cref="FitResult"/> carrying the saved parameters, for prediction, plots and optimisation.
    /// Statistics and covariance are not stored in full, so they are NaN / unavailable.
    /// </summary>
    public FitResult ToFitResult()
    {
        var law = CreateLaw();
        var parameters = ParameterNames.Select((n, j) => new FittedParameter(n, Values[j],
            double.IsNaN(StandardErrors[j]) ? null : StandardErrors[j],
            Bounds.IsDefaultOrEmpty ? double.NegativeInfinity : Bounds[j].Lower,
            Bounds.IsDefaultOrEmpty ? double.PositiveInfinity : Bounds[j].Upper, Values[j], BoundState.Free)).ToImmutableArray();
        var loss = RobustLoss.Parse(Loss);
        return new FitResult
        {
            Law = law, Target = Target, Parameters = parameters, Termination = Termination, Objective = Objective,
            Statistics = new FitStatistics(0, parameters.Length, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN),
            Covariance = Uncertainty.ParameterCovariance.Unavailable("read from a saved fit"),
            Starts = new StartSummary(0, 0, 0, 0), Iterations = 0, Elapsed = TimeSpan.Zero, Loss = loss, Space = Space,
            Options = new FitOptions { Loss = loss, Space = Space },
        };
    }

    /// <summary>Reads every fit in a document: one fit, or a <c>"kind": "fits"</c> document holding several.</summary>
    /// <exception cref="FormatException">Not a ScalingLaws fit document, or another schema version; the message names <paramref name="source"/>.</exception>
    public static ImmutableArray<SavedFit> ReadAll(string json, string source)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(json).RootElement; }
        catch (JsonException e) { throw new FormatException($"{source}: not valid JSON ({e.Message})"); }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schemaVersion", out var version))
            throw new FormatException($"{source}: not a ScalingLaws fit file (no \"schemaVersion\").");
        if (version.ValueKind != JsonValueKind.Number || version.GetInt32() != SchemaVersion.Current)
            throw new FormatException($"{source}: schemaVersion {version} is not supported; this version of ScalingLaws reads schemaVersion {SchemaVersion.Current}. Refit to produce a current file.");
        string kind = root.TryGetProperty("kind", out var k) ? k.GetString() ?? "" : "";
        try
        {
            return kind switch
            {
                "fit" => [Parse(root, source)],
                "fits" => root.GetProperty("fits").EnumerateArray().Select(e => Parse(e, source)).ToImmutableArray(),
                _ => throw new FormatException($"{source}: a \"{kind}\" document is not a fit; expected kind \"fit\" or \"fits\"."),
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{source}: malformed fit document ({e.Message}).");
        }
    }

    private static SavedFit Parse(JsonElement e, string source)
    {
        var parameters = e.GetProperty("parameters").EnumerateArray().ToList();
        return new SavedFit(
            e.GetProperty("law").GetString() ?? throw new FormatException($"{source}: fit has no law name."),
            e.GetProperty("formula").GetString() ?? "",
            e.GetProperty("target").GetString() ?? "",
            e.GetProperty("variables").EnumerateArray().Select(v => v.GetString()!).ToImmutableArray(),
            parameters.Select(p => p.GetProperty("name").GetString()!).ToImmutableArray(),
            parameters.Select(p => JsonNumbers.Read(p.GetProperty("value"))).ToImmutableArray(),
            parameters.Select(p => p.TryGetProperty("standardError", out var se) ? JsonNumbers.Read(se) : double.NaN).ToImmutableArray(),
            e.TryGetProperty("usable", out var u) && u.GetBoolean())
        {
            Loss = e.TryGetProperty("options", out var o) && o.TryGetProperty("loss", out var l) && l.GetString() is { } lt ? lt : "l2",
            Space = e.TryGetProperty("options", out var o2) && o2.TryGetProperty("space", out var sp) && sp.GetString() == "log" ? ResidualSpace.Log : ResidualSpace.Linear,
            Termination = e.TryGetProperty("termination", out var t) && Enum.TryParse<Termination>(t.GetString(), out var term) ? term : Termination.CostTolerance,
            Objective = e.TryGetProperty("objective", out var ob) ? JsonNumbers.Read(ob) : double.NaN,
            Bounds = parameters.Select(p => (JsonNumbers.Read(p.GetProperty("lower"), double.NegativeInfinity), JsonNumbers.Read(p.GetProperty("upper"), double.PositiveInfinity))).ToImmutableArray(),
            Covariance = e.TryGetProperty("covariance", out var c) ? ReadCovariance(c, e) : Uncertainty.ParameterCovariance.Unavailable("not in the fit file"),
            NormalizedWeights = e.TryGetProperty("input", out var input) && input.TryGetProperty("normalizedWeights", out var nw) && nw.ValueKind == JsonValueKind.True,
        };
    }

    /// <summary>The saved covariance; its residual variance is the plain residuals' <c>scatterVariance</c> when the fit saved one.</summary>
    private static Uncertainty.ParameterCovariance ReadCovariance(JsonElement c, JsonElement fit)
    {
        if (!c.TryGetProperty("matrix", out var matrix)) return Uncertainty.ParameterCovariance.Unavailable(c.TryGetProperty("unavailable", out var u) ? u.GetString() ?? "unavailable" : "unavailable");
        return new Uncertainty.ParameterCovariance
        {
            Names = c.GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToImmutableArray(),
            Values = matrix.EnumerateArray().SelectMany(row => row.EnumerateArray().Select(v => JsonNumbers.Read(v))).ToImmutableArray(),
            ResidualVariance = fit.TryGetProperty("scatterVariance", out var scatter) ? JsonNumbers.Read(scatter) : JsonNumbers.Read(c.GetProperty("residualVariance")),
            ConditionNumber = c.TryGetProperty("conditionNumber", out var k) ? JsonNumbers.Read(k) : double.NaN,
        };
    }

    /// <summary>Rebuilds the law: a formula law from its text, or a catalogue law (with its domains).</summary>
    /// <exception cref="FormatException">The law is unknown or does not match the saved variables and parameters.</exception>
    public IScalingLaw CreateLaw()
    {
        IScalingLaw law;
        if (Law == "formula") law = FormulaLaw.Create(Formula, Variables, ParameterNames);
        else
        {
            if (!LawCatalog.Contains(Law)) throw new FormatException($"Unknown law '{Law}' in the fit file; known laws: {string.Join(", ", LawCatalog.Names)}.");
            IReadOnlyList<string>? domains = null;
            if (LawCatalog.RequiresDomains(Law))
            {
                var fixedVariables = LawCatalog.Create(Law, ["h_1", "h_2"]).Variables.Except(["h_1", "h_2"]).ToHashSet();
                domains = Variables.Where(v => !fixedVariables.Contains(v)).ToList();
            }
            law = LawCatalog.Create(Law, domains);
        }
        if (!law.Variables.SequenceEqual(Variables) || !law.Parameters.Select(p => p.Name).SequenceEqual(ParameterNames))
            throw new FormatException($"The saved fit's variables or parameters do not match law '{Law}'.");
        return law;
    }

    /// <summary>The fitted model at a point given by variable name.</summary>
    public double Predict(IScalingLaw law, IReadOnlyDictionary<string, double> x) =>
        law.Evaluate(Values.AsSpan(), Variables.Select(v => x[v]).ToArray());
}
