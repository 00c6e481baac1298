using System.Text;
using System.Text.Json;
using ScalingLaws.Fitting;

namespace ScalingLaws.Serialization;

/// <summary>
/// Versioned JSON for a <see cref="FitResult"/>: law, formula, variables, target, parameters (value,
/// standard error, bounds, bound state), statistics, objective, termination, usable, starts, elapsed
/// time, covariance and the options that reproduce the fit.
/// </summary>
public static class FitJson
{
    /// <summary>Serialises <paramref name="fit"/> (indented).</summary>
    public static string Write(FitResult fit)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            WriteBody(w, fit);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the fit's properties into an object already started (used for documents holding several fits).</summary>
    public static void WriteBody(Utf8JsonWriter w, FitResult fit)
    {
        w.WriteNumber("schemaVersion", SchemaVersion.Current);
        w.WriteString("kind", "fit");
        w.WriteString("law", fit.Law.Name);
        w.WriteString("formula", fit.Law.Formula);
        w.WriteString("target", fit.Target);
        w.WriteStartArray("variables");
        foreach (var v in fit.Law.Variables) w.WriteStringValue(v);
        w.WriteEndArray();
        w.WriteStartArray("parameters");
        foreach (var p in fit.Parameters)
        {
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
        w.WriteStartArray("warnings");
        foreach (var warning in fit.Warnings) w.WriteStringValue(warning);
        w.WriteEndArray();
        WriteOptions(w, fit.Options);
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
