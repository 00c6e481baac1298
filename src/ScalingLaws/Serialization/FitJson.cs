using System.Text;
using System.Text.Json;
using ScalingLaws.Fitting;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Serialization;

/// <summary>
/// Versioned JSON for a <see cref="FitResult"/>: law, formula, variables, target, parameters (value,
/// standard error, bounds, bound state), statistics, objective, termination, usable, starts, elapsed
/// time, covariance and the options that reproduce the fit. With a bootstrap, each parameter also carries
/// <c>bootstrap</c> (<c>lower</c>, <c>upper</c>, <c>median</c>, <c>standardError</c>) and the fit a top-level
/// <c>bootstrap</c> (<c>replicates</c>, <c>usable</c>, <c>confidence</c>, <c>seed</c>, <c>method</c>); these
/// fields are optional, so readers of schema version 1 accept documents with or without them.
/// </summary>
public static class FitJson
{
    /// <summary>Serialises <paramref name="fit"/> (indented).</summary>
    /// <param name="fit">The fit.</param>
    public static string Write(FitResult fit) => Write(fit, null);

    /// <summary>Serialises <paramref name="fit"/> (indented), with its bootstrap intervals when given.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="bootstrap">Bootstrap of this fit (<see cref="Bootstrap.Refit(FitResult, FitData, BootstrapOptions?)"/>), or null.</param>
    /// <exception cref="ArgumentException">The bootstrap's parameters are not the fit's.</exception>
    public static string Write(FitResult fit, BootstrapResult? bootstrap) => JsonText.Object(null, w => WriteBody(w, fit, bootstrap));

    /// <summary>Writes the fit's properties into an object already started (used for documents holding several fits).</summary>
    /// <param name="w">The writer, inside an object.</param>
    /// <param name="fit">The fit.</param>
    public static void WriteBody(Utf8JsonWriter w, FitResult fit) => WriteBody(w, fit, null);

    /// <summary>Writes the fit's properties, with its bootstrap intervals when given, into an object already started.</summary>
    /// <param name="w">The writer, inside an object.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="bootstrap">Bootstrap of this fit, or null.</param>
    /// <exception cref="ArgumentException">The bootstrap's parameters are not the fit's.</exception>
    public static void WriteBody(Utf8JsonWriter w, FitResult fit, BootstrapResult? bootstrap)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(fit);
        if (bootstrap is not null && !bootstrap.ParameterNames.SequenceEqual(fit.Parameters.Select(p => p.Name)))
            throw new ArgumentException($"The bootstrap's parameters ({string.Join(", ", bootstrap.ParameterNames)}) are not the fit's ({string.Join(", ", fit.Parameters.Select(p => p.Name))}).", nameof(bootstrap));
        w.WriteNumber("schemaVersion", SchemaVersion.Current);
        w.WriteString("kind", "fit");
        w.WriteString("law", fit.Law.Name);
        w.WriteString("formula", fit.Law.Formula);
        w.WriteString("target", fit.Target);
        w.WriteStartArray("variables");
        foreach (var v in fit.Law.Variables) w.WriteStringValue(v);
        w.WriteEndArray();
        w.WriteStartArray("parameters");
        for (int j = 0; j < fit.Parameters.Length; j++)
        {
            var p = fit.Parameters[j];
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            JsonNumbers.Write(w, "value", p.Value);
            JsonNumbers.Write(w, "standardError", p.StandardError);
            JsonNumbers.Write(w, "lower", p.Lower);
            JsonNumbers.Write(w, "upper", p.Upper);
            JsonNumbers.Write(w, "initial", p.Initial);
            w.WriteBoolean("atBound", p.AtBound);
            w.WriteString("state", p.Bound switch
            {
                BoundState.AtLower => "lower", BoundState.AtUpper => "upper", BoundState.Fixed => "fixed", _ => "free",
            });
            if (bootstrap is not null) WriteParameterBootstrap(w, bootstrap.Intervals[j], bootstrap.StandardErrors[j]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var s = fit.Statistics;
        w.WriteStartObject("statistics");
        w.WriteNumber("n", s.Count);
        w.WriteNumber("freeParameters", s.FreeParameters);
        w.WriteNumber("degreesOfFreedom", s.DegreesOfFreedom);
        JsonNumbers.Write(w, "rss", s.ResidualSumOfSquares);
        JsonNumbers.Write(w, "rmse", s.RootMeanSquareError);
        JsonNumbers.Write(w, "rSquared", s.RSquared);
        JsonNumbers.Write(w, "aic", s.Aic);
        JsonNumbers.Write(w, "bic", s.Bic);
        JsonNumbers.Write(w, "mae", s.MeanAbsoluteError);
        JsonNumbers.Write(w, "mre", s.MeanRelativeError);
        w.WriteEndObject();
        JsonNumbers.Write(w, "objective", fit.Objective);
        w.WriteString("termination", fit.Termination.ToString());
        w.WriteString("terminationMessage", fit.Termination.Describe());
        w.WriteBoolean("usable", fit.IsUsable);
        w.WriteStartObject("starts");
        w.WriteNumber("tried", fit.Starts.Tried);
        w.WriteNumber("converged", fit.Starts.Converged);
        w.WriteNumber("best", fit.Starts.ReachedBest);
        w.WriteNumber("bestIndex", fit.Starts.BestIndex);
        w.WriteEndObject();
        w.WriteNumber("iterations", fit.Iterations);
        JsonNumbers.Write(w, "elapsedMs", fit.Elapsed.TotalMilliseconds);
        w.WriteStartObject("covariance");
        if (fit.Covariance.IsAvailable)
        {
            w.WriteStartArray("names");
            foreach (var n in fit.Covariance.Names) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteStartArray("matrix");
            int k = fit.Covariance.Names.Length;
            for (int i = 0; i < k; i++)
            {
                w.WriteStartArray();
                for (int j = 0; j < k; j++) JsonNumbers.WriteValue(w, fit.Covariance[i, j]);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            JsonNumbers.Write(w, "residualVariance", fit.Covariance.ResidualVariance);
            JsonNumbers.Write(w, "conditionNumber", fit.Covariance.ConditionNumber);
        }
        else w.WriteString("unavailable", fit.Covariance.Reason);
        w.WriteEndObject();
        if (bootstrap is not null) WriteBootstrapSummary(w, bootstrap);
        w.WriteStartArray("warnings");
        foreach (var warning in fit.Warnings) w.WriteStringValue(warning);
        w.WriteEndArray();
        WriteOptions(w, fit.Options);
    }

    private static void WriteParameterBootstrap(Utf8JsonWriter w, BootstrapInterval interval, double standardError)
    {
        w.WriteStartObject("bootstrap");
        JsonNumbers.Write(w, "lower", interval.Lower);
        JsonNumbers.Write(w, "upper", interval.Upper);
        JsonNumbers.Write(w, "median", interval.Median);
        JsonNumbers.Write(w, "standardError", standardError);
        w.WriteEndObject();
    }

    private static void WriteBootstrapSummary(Utf8JsonWriter w, BootstrapResult bootstrap)
    {
        w.WriteStartObject("bootstrap");
        w.WriteString("method", "case-resampling percentile");
        w.WriteNumber("replicates", bootstrap.Replicates);
        w.WriteNumber("usable", bootstrap.UsableCount);
        JsonNumbers.Write(w, "confidence", bootstrap.Level);
        w.WriteNumber("seed", bootstrap.Seed);
        w.WriteEndObject();
    }

    private static void WriteOptions(Utf8JsonWriter w, FitOptions o)
    {
        w.WriteStartObject("options");
        w.WriteString("loss", o.Loss?.ToText());
        w.WriteString("space", o.Space?.ToString().ToLowerInvariant());
        JsonNumbers.Write(w, "costTolerance", o.CostTolerance);
        JsonNumbers.Write(w, "stepTolerance", o.StepTolerance);
        JsonNumbers.Write(w, "gradientTolerance", o.GradientTolerance);
        w.WriteNumber("maxIterations", o.MaxIterations);
        w.WriteBoolean("geodesicAcceleration", o.GeodesicAcceleration);
        w.WriteNumber("seed", o.Seed);
        w.WriteStartObject("initial");
        foreach (var (k, v) in o.Initial.OrderBy(p => p.Key, StringComparer.Ordinal)) JsonNumbers.Write(w, k, v);
        w.WriteEndObject();
        w.WriteStartObject("fixed");
        foreach (var (k, v) in o.Fixed.OrderBy(p => p.Key, StringComparer.Ordinal)) JsonNumbers.Write(w, k, v);
        w.WriteEndObject();
        w.WriteStartObject("bounds");
        foreach (var (k, (lo, hi)) in o.Bounds.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartArray(k); JsonNumbers.WriteValue(w, lo); JsonNumbers.WriteValue(w, hi); w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteStartObject("starts");
        switch (o.Starts)
        {
            case GridStarts g:
                w.WriteString("kind", "grid");
                w.WriteStartObject("axes");
                foreach (var a in g.Axes)
                {
                    w.WriteStartArray(a.Parameter);
                    foreach (var v in a.Values) JsonNumbers.WriteValue(w, v);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                break;
            case RandomStarts r:
                w.WriteString("kind", "random");
                w.WriteNumber("count", r.Count);
                break;
            case ExplicitStarts e:
                w.WriteString("kind", "explicit");
                w.WriteNumber("count", Math.Max(1, e.Points.IsDefault ? 0 : e.Points.Length));
                break;
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
