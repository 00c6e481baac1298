using System.Collections.Immutable;
using System.Text.Json;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Serialization.Documents;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Serialization;

/// <summary>
/// The one writer and reader of saved fits: a <see cref="FitDocument"/> (<c>"kind": "fit"</c>) or several in a
/// <see cref="FitsDocument"/> (<c>"kind": "fits"</c>), schema <c>docs/schema/fit.schema.json</c>. With a bootstrap, each
/// parameter also carries <c>bootstrap</c> (<c>lower</c>, <c>upper</c>, <c>median</c>, <c>standardError</c>) and the fit a
/// top-level <c>bootstrap</c> summary. Writing what was read gives the same bytes.
/// </summary>
public static class FitJson
{
    /// <summary>Serialises <paramref name="fit"/> (indented).</summary>
    /// <param name="fit">The fit.</param>
    public static string Write(FitResult fit) => Write(fit, null);

    /// <summary>Serialises <paramref name="fit"/> (indented), with its bootstrap intervals when given.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="bootstrap">Bootstrap of this fit, or null.</param>
    /// <exception cref="ArgumentException">The bootstrap's parameters are not the fit's.</exception>
    public static string Write(FitResult fit, BootstrapResult? bootstrap) => Write(ToDocument(fit, bootstrap, null));

    /// <summary>Serialises a fit document (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(FitDocument document) => JsonText.Write(document, DocumentJsonContext.Default.FitDocument);

    /// <summary>Serialises several fits as one <c>"kind": "fits"</c> document (indented).</summary>
    /// <param name="documents">The fits.</param>
    public static string Write(IEnumerable<FitDocument> documents) =>
        JsonText.Write(new FitsDocument(SchemaVersion.Current, "fits", [.. documents]), DocumentJsonContext.Default.FitsDocument);

    /// <summary>Writes <paramref name="fit"/> as the value of property <paramref name="name"/> of an object being written (documents that embed a fit).</summary>
    /// <param name="w">The writer, inside an object.</param>
    /// <param name="name">Property name.</param>
    /// <param name="fit">The fit.</param>
    public static void WriteProperty(Utf8JsonWriter w, string name, FitResult fit)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, ToDocument(fit, null, null), DocumentJsonContext.Default.FitDocument);
    }

    /// <summary>The document of <paramref name="fit"/>, with its bootstrap and its column binding when given.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="bootstrap">Bootstrap of this fit, or null.</param>
    /// <param name="binding">How the law's variables were bound to columns; null for the identity binding (with the law's domains as weight columns).</param>
    /// <exception cref="ArgumentException">The bootstrap's parameters are not the fit's.</exception>
    public static FitDocument ToDocument(FitResult fit, BootstrapResult? bootstrap, ColumnBinding? binding)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (bootstrap is not null && !bootstrap.ParameterNames.SequenceEqual(fit.Parameters.Select(p => p.Name)))
            throw new ArgumentException($"The bootstrap's parameters ({string.Join(", ", bootstrap.ParameterNames)}) are not the fit's ({string.Join(", ", fit.Parameters.Select(p => p.Name))}).", nameof(bootstrap));
        var domains = fit.Law is IMixtureLaw mixture ? mixture.Domains : ImmutableArray<string>.Empty;
        binding ??= ColumnBinding.Identity with { Weights = domains };
        var s = fit.Statistics;
        var c = fit.Covariance;
        return new FitDocument(
            SchemaVersion.Current, "fit", fit.Law.Name, fit.Law.Formula, fit.Target, fit.Law.Variables, domains,
            [.. fit.Parameters.Select((p, j) => new FitParameterEntry(p.Name, p.Value, p.StandardError ?? double.NaN, p.Lower, p.Upper, p.Initial, p.AtBound,
                StateText(p.Bound), bootstrap is null ? null : new ParameterBootstrapEntry(bootstrap.Intervals[j].Lower, bootstrap.Intervals[j].Upper,
                    bootstrap.Intervals[j].Median, bootstrap.StandardErrors[j])))],
            new FitStatisticsEntry(s.Count, s.FreeParameters, s.DegreesOfFreedom, s.ResidualSumOfSquares, s.RootMeanSquareError, s.RSquared,
                s.Aic, s.Bic, s.MeanAbsoluteError, s.MeanRelativeError),
            fit.Objective, fit.Loss.ToText(), fit.Space.ToString().ToLowerInvariant(), fit.Termination.ToString(), fit.Termination.Describe(), fit.IsUsable,
            new FitStartsEntry(fit.Starts.Tried, fit.Starts.Converged, fit.Starts.ReachedBest, fit.Starts.BestIndex),
            fit.Iterations, fit.Elapsed.TotalMilliseconds,
            c.IsAvailable
                ? new FitCovarianceEntry(c.Names, [.. Enumerable.Range(0, c.Names.Length).Select(i => Enumerable.Range(0, c.Names.Length).Select(j => c[i, j]).ToImmutableArray())],
                    c.ResidualVariance, c.ConditionNumber, null)
                : new FitCovarianceEntry([], [], double.NaN, double.NaN, c.Reason),
            fit.Warnings, OptionsEntry(fit.Options))
        {
            Input = new FitInputEntry(binding.Mapping, binding.Weights, binding.NormalizeWeights),
            Bootstrap = bootstrap is null ? null : new FitBootstrapEntry("case-resampling percentile", bootstrap.Replicates, bootstrap.UsableCount, bootstrap.Level, bootstrap.Seed),
        };
    }

    /// <summary>
    /// Reads every fit of a document (one <c>fit</c>, or a <c>fits</c> document holding several), checking its content:
    /// the schema version, every required member, unique parameter and variable names that do not clash, at least one
    /// parameter, every parameter with a value, and a law that can be rebuilt with exactly the listed variables and parameters.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Any of the above fails; the message names <paramref name="source"/> and what is wrong.</exception>
    public static ImmutableArray<SavedFit> Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument parsed;
        try { parsed = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new FormatException($"{source}: not valid JSON ({e.Message})"); }
        using (parsed)
        {
            var root = parsed.RootElement;
            string kind = SchemaVersion.Check(root, source, "fit", "fits");
            try
            {
                var documents = kind == "fit"
                    ? [root.Deserialize(DocumentJsonContext.Default.FitDocument)!]
                    : root.Deserialize(DocumentJsonContext.Default.FitsDocument)!.Fits;
                if (documents.IsDefaultOrEmpty) throw new FormatException($"{source}: the document holds no fit.");
                return [.. documents.Select((d, i) => SavedFit.FromDocument(d, kind == "fit" ? source : $"{source}: fit {i + 1}"))];
            }
            catch (JsonException e)
            {
                throw new FormatException($"{source}: malformed fit document: {e.Message}");
            }
        }
    }

    private static string StateText(BoundState bound) => bound switch
    {
        BoundState.AtLower => "lower", BoundState.AtUpper => "upper", BoundState.Fixed => "fixed", _ => "free",
    };

    private static FitOptionsEntry OptionsEntry(FitOptions o) => new(
        o.Loss?.ToText(), o.Space?.ToString().ToLowerInvariant(), o.CostTolerance, o.StepTolerance, o.GradientTolerance, o.MaxIterations,
        o.GeodesicAcceleration, o.Seed,
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, o.Initial),
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, o.Fixed),
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, o.Bounds.Select(p => KeyValuePair.Create(p.Key, ImmutableArray.Create(p.Value.Lower, p.Value.Upper)))),
        o.Starts switch
        {
            GridStarts g => new FitStartsOptionEntry("grid", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, g.Axes.Select(a => KeyValuePair.Create(a.Parameter, a.Values)))),
            RandomStarts r => new FitStartsOptionEntry("random", Count: r.Count),
            ExplicitStarts e => new FitStartsOptionEntry("explicit", Count: Math.Max(1, e.Points.IsDefault ? 0 : e.Points.Length)),
            _ => new FitStartsOptionEntry(),
        });
}
