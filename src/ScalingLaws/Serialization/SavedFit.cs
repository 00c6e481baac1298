using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Expressions;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Serialization;

/// <summary>
/// A fit read back by <see cref="FitJson.Read"/>: the document as written, the fit it records (law rebuilt, parameters,
/// statistics, covariance, options exactly as saved) and the column binding that produced it.
/// </summary>
public sealed record SavedFit
{
    private SavedFit(FitDocument document, FitResult fit, ColumnBinding binding)
    {
        Document = document;
        Fit = fit;
        Binding = binding;
    }

    /// <summary>The document as read; <see cref="FitJson.Write(FitDocument)"/> writes it back byte for byte.</summary>
    public FitDocument Document { get; }

    /// <summary>The fit the document records.</summary>
    public FitResult Fit { get; }

    /// <summary>How the fit's variables were bound to columns (mapping, domain-weight columns, normalisation).</summary>
    public ColumnBinding Binding { get; }

    /// <summary>The rebuilt law.</summary>
    public IScalingLaw Law => Fit.Law;

    /// <summary>The target column.</summary>
    public string Target => Fit.Target;

    /// <summary>
    /// The domain-weight variables: those the law declares (<see cref="IMixtureLaw.Domains"/>), else the weight columns the fit
    /// was bound to; empty for a law that is not over a mixture.
    /// </summary>
    public ImmutableArray<string> Domains => Law is IMixtureLaw mixture ? mixture.Domains : Binding.Weights;

    /// <summary>The law with its fitted values, for prediction and optimisation.</summary>
    public FittedLaw FittedLaw => FittedLaw.From(Fit);

    /// <summary>Checks a document's content and rebuilds its fit.</summary>
    /// <param name="document">The document.</param>
    /// <param name="source">Label the messages start with (file name).</param>
    /// <exception cref="FormatException">The content is inconsistent; the message names <paramref name="source"/> and the fault.</exception>
    public static SavedFit FromDocument(FitDocument document, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        FormatException Bad(string message) => new($"{source}: {message}");
        var names = document.Parameters.Select(p => p.Name).ToList();
        if (names.Count == 0) throw Bad("the fit lists no parameters.");
        if (Duplicate(names) is { } p) throw Bad($"parameter '{p}' is listed twice.");
        if (Duplicate(document.Variables) is { } v) throw Bad($"variable '{v}' is listed twice.");
        if (document.Variables.FirstOrDefault(names.Contains) is { } clash) throw Bad($"'{clash}' is listed both as a variable and as a parameter.");
        if (document.Parameters.FirstOrDefault(x => double.IsNaN(x.Value)) is { } missing) throw Bad($"parameter '{missing.Name}' has no value (null).");
        var law = CreateLaw(document, Bad);
        var parameters = document.Parameters.Select(x => new FittedParameter(x.Name, x.Value, double.IsNaN(x.StandardError) ? null : x.StandardError,
            double.IsNaN(x.Lower) ? double.NegativeInfinity : x.Lower, double.IsNaN(x.Upper) ? double.PositiveInfinity : x.Upper, x.Initial,
            x.State switch
            {
                "free" => BoundState.Free, "lower" => BoundState.AtLower, "upper" => BoundState.AtUpper, "fixed" => BoundState.Fixed,
                var other => throw Bad($"parameter '{x.Name}' has state '{other}'; expected free, lower, upper or fixed."),
            })).ToImmutableArray();
        if (!Enum.TryParse<Termination>(document.Termination, out var termination))
            throw Bad($"termination '{document.Termination}' is unknown; expected one of {string.Join(", ", Enum.GetNames<Termination>())}.");
        var loss = ParseLoss(document.Loss, "loss", Bad);
        var space = ParseSpace(document.Space, "space", Bad);
        var c = document.Covariance;
        ParameterCovariance covariance;
        if (c.Unavailable is { } reason) covariance = ParameterCovariance.Unavailable(reason);
        else
        {
            if (c.Matrix.Length != c.Names.Length || c.Matrix.Any(row => row.Length != c.Names.Length))
                throw Bad($"the covariance matrix is not {c.Names.Length}×{c.Names.Length} like its names.");
            covariance = new ParameterCovariance
            {
                Names = c.Names, Values = [.. c.Matrix.SelectMany(row => row)], ResidualVariance = c.ResidualVariance, ConditionNumber = c.ConditionNumber,
            };
        }
        var s = document.Statistics;
        var fit = new FitResult
        {
            Law = law, Target = document.Target, Parameters = parameters, Termination = termination, Objective = document.Objective,
            Statistics = new FitStatistics(s.Count, s.FreeParameters, s.DegreesOfFreedom, s.Rss, s.Rmse, s.RSquared, s.Aic, s.Bic, s.Mae, s.Mre),
            Covariance = covariance,
            Starts = new StartSummary(document.Starts.Tried, document.Starts.Converged, document.Starts.Best, document.Starts.BestIndex),
            Iterations = document.Iterations,
            Elapsed = double.IsFinite(document.ElapsedMs) ? TimeSpan.FromTicks((long)Math.Round(document.ElapsedMs * TimeSpan.TicksPerMillisecond)) : TimeSpan.Zero,
            Loss = loss, Space = space, Options = Options(document.Options, Bad), Warnings = document.Warnings,
        };
        var input = document.Input;
        var binding = input is null
            ? ColumnBinding.Identity with { Weights = law is IMixtureLaw m ? m.Domains : [] }
            : new ColumnBinding { Weights = input.Weights, NormalizeWeights = input.NormalizedWeights }.WithMapping(input.Mapping);
        if (binding.Mapping.Keys.FirstOrDefault(k => !law.Variables.Contains(k)) is { } stray)
            throw Bad($"the column mapping names '{stray}', which is not a variable of the law ({string.Join(", ", law.Variables)}).");
        return new SavedFit(document, fit, binding);
    }

    private static IScalingLaw CreateLaw(FitDocument d, Func<string, FormatException> bad)
    {
        var names = d.Parameters.Select(p => p.Name).ToList();
        IScalingLaw law;
        try
        {
            if (d.Law == "formula")
            {
                var identifiers = Formula.Parse(d.Formula).Identifiers;
                if (names.FirstOrDefault(n => !identifiers.Contains(n)) is { } unused)
                    throw bad($"parameter '{unused}' does not appear in the formula '{d.Formula}'.");
                if (identifiers.FirstOrDefault(i => !names.Contains(i) && !d.Variables.Contains(i)) is { } unknown)
                    throw bad($"'{unknown}' in the formula '{d.Formula}' is neither a listed variable nor a listed parameter.");
                law = FormulaLaw.Create(d.Formula, d.Variables, names);
            }
            else
            {
                if (!LawCatalog.Contains(d.Law)) throw bad($"unknown law '{d.Law}'; known laws: formula, {string.Join(", ", LawCatalog.Names)}.");
                bool mixture = LawCatalog.RequiresDomains(d.Law);
                if (mixture && d.Domains.IsDefaultOrEmpty)
                    throw bad($"law '{d.Law}' needs its domain-weight variables (\"domains\"), which the fit does not list.");
                law = LawCatalog.Create(d.Law, mixture ? d.Domains : null);
            }
        }
        catch (Exception e) when (e is ArgumentException or FormulaException)
        {
            throw bad($"law '{d.Law}' cannot be rebuilt: {e.Message}");
        }
        if (!law.Variables.SequenceEqual(d.Variables))
            throw bad($"law '{d.Law}' reads ({string.Join(", ", law.Variables)}) but the fit lists the variables ({string.Join(", ", d.Variables)}).");
        if (!law.Parameters.Select(p => p.Name).SequenceEqual(names))
            throw bad($"law '{d.Law}' has the parameters ({string.Join(", ", law.Parameters.Select(p => p.Name))}) but the fit lists ({string.Join(", ", names)}).");
        return law;
    }

    private static FitOptions Options(FitOptionsEntry o, Func<string, FormatException> bad) => new()
    {
        Loss = o.Loss is null ? null : ParseLoss(o.Loss, "options.loss", bad),
        Space = o.Space is null ? null : ParseSpace(o.Space, "options.space", bad),
        CostTolerance = o.CostTolerance, StepTolerance = o.StepTolerance, GradientTolerance = o.GradientTolerance,
        MaxIterations = o.MaxIterations, GeodesicAcceleration = o.GeodesicAcceleration, Seed = o.Seed,
        Initial = o.Initial.ToImmutableDictionary(StringComparer.Ordinal),
        Fixed = o.Fixed.ToImmutableDictionary(StringComparer.Ordinal),
        Bounds = o.Bounds.ToImmutableDictionary(p => p.Key, p => p.Value.Length == 2
            ? (double.IsNaN(p.Value[0]) ? double.NegativeInfinity : p.Value[0], double.IsNaN(p.Value[1]) ? double.PositiveInfinity : p.Value[1])
            : throw bad($"options.bounds of '{p.Key}' must be [lower, upper]."), StringComparer.Ordinal),
        Starts = o.Starts.Kind switch
        {
            null => null,
            "grid" => new GridStarts([.. (o.Starts.Axes ?? throw bad("options.starts of kind grid has no axes.")).Select(a => new GridAxis(a.Key, a.Value))]),
            "random" => new RandomStarts((int)(o.Starts.Count ?? throw bad("options.starts of kind random has no count."))),
            "explicit" => StartPoints.Single,
            var other => throw bad($"options.starts has kind '{other}'; expected grid, random or explicit."),
        },
    };

    private static RobustLoss ParseLoss(string text, string member, Func<string, FormatException> bad)
    {
        try { return RobustLoss.Parse(text); }
        catch (FormatException e) { throw bad($"{member}: {e.Message}"); }
    }

    private static ResidualSpace ParseSpace(string text, string member, Func<string, FormatException> bad) => text switch
    {
        "linear" => ResidualSpace.Linear,
        "log" => ResidualSpace.Log,
        _ => throw bad($"{member} '{text}' is unknown; expected linear or log."),
    };

    private static string? Duplicate(IEnumerable<string> names) =>
        names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;

    /// <summary>The fitted model at a point given by variable name.</summary>
    /// <param name="x">Variable name → value; every variable of the law must be present.</param>
    public double Predict(IReadOnlyDictionary<string, double> x) => FittedLaw.Evaluate(x);
}
