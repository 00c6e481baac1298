using System.Text;
using System.Text.Json;
using ScalingLaws.Optimization.Continual;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Serialization;

/// <summary>
/// Versioned JSON for continual pre-training decisions: a chosen domain share (<c>"kind": "cpt-choice"</c>),
/// a critical mixture ratio (<c>"critical-mixture-ratio"</c>), its curve against tokens
/// (<c>"critical-ratio-curve"</c>) and a Pareto front between two losses (<c>"pareto-front"</c>).
/// Every document carries <c>"schemaVersion"</c>; numbers use the round-trip format and non-finite or absent
/// numbers are <c>null</c>.
/// </summary>
public static class ContinualPretrainingJson
{
    /// <summary>
    /// A chosen share: <c>decision</c> (e.g. <c>trade-off</c>, <c>limited-domain-data</c>), <c>feasible</c>,
    /// <c>domainShare</c>, <c>generalShare</c> (1 − r_d), <c>domainLoss</c>, <c>generalLoss</c>, <c>generalLimit</c>,
    /// <c>limitActive</c>, <c>modelSize</c>, <c>tokens</c>, <c>message</c>.
    /// </summary>
    /// <param name="choice">The choice.</param>
    /// <param name="decision">Which decision produced it.</param>
    public static string WriteChoice(ContinualPretrainingChoice choice, string decision)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return JsonText.Object("cpt-choice", w =>
        {
            w.WriteString("decision", decision);
            w.WriteBoolean("feasible", choice.IsFeasible);
            JsonNumbers.Write(w, "domainShare", choice.DomainShare);
            JsonNumbers.Write(w, "generalShare", 1 - choice.DomainShare);
            JsonNumbers.Write(w, "domainLoss", choice.DomainLoss);
            JsonNumbers.Write(w, "generalLoss", choice.GeneralLoss);
            JsonNumbers.Write(w, "generalLimit", choice.GeneralLimit);
            w.WriteBoolean("limitActive", choice.LimitActive);
            JsonNumbers.Write(w, "modelSize", choice.ModelSize);
            JsonNumbers.Write(w, "tokens", choice.Tokens);
            w.WriteString("message", choice.Message);
        });
    }

    /// <summary>
    /// A critical mixture ratio: <c>status</c> (<c>crossing</c>, <c>all-feasible</c>, <c>upper-bound-feasible</c>,
    /// <c>infeasible</c>), <c>ratio</c>, <c>generalLossAtRatio</c>, <c>limit</c>, <c>preTrainingLoss</c>,
    /// <c>tolerance</c> (<c>kind</c> <c>absolute</c>|<c>relative</c>, <c>value</c>), <c>modelSize</c>, <c>tokens</c>.
    /// </summary>
    /// <param name="result">The search result.</param>
    /// <param name="modelSize">N it was solved at (NaN when the law does not read it).</param>
    /// <param name="tokens">D it was solved at (NaN when the law does not read it).</param>
    public static string WriteCriticalRatio(CriticalMixtureRatioResult result, double modelSize, double tokens)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonText.Object("critical-mixture-ratio", w =>
        {
            WriteResultBody(w, result);
            JsonNumbers.Write(w, "modelSize", modelSize);
            JsonNumbers.Write(w, "tokens", tokens);
        });
    }

    /// <summary>
    /// The critical ratio against the token budget: <c>source</c> (<c>general-loss-law</c> or <c>cmr-tokens-law</c>),
    /// <c>modelSize</c>, and <c>points</c> (<c>tokens</c>, <c>ratio</c>, and when solved from a general-loss law
    /// <c>status</c>, <c>generalLossAtRatio</c>, <c>limit</c>).
    /// </summary>
    /// <param name="points">The curve.</param>
    /// <param name="modelSize">N (NaN when not used).</param>
    public static string WriteCriticalRatioCurve(IReadOnlyList<CriticalRatioPoint> points, double modelSize)
    {
        ArgumentNullException.ThrowIfNull(points);
        return JsonText.Object("critical-ratio-curve", w =>
        {
            w.WriteString("source", points.Any(p => p.Detail is not null) ? "general-loss-law" : "cmr-tokens-law");
            JsonNumbers.Write(w, "modelSize", modelSize);
            w.WriteStartArray("points");
            foreach (var p in points)
            {
                w.WriteStartObject();
                JsonNumbers.Write(w, "tokens", p.Tokens);
                JsonNumbers.Write(w, "ratio", p.Ratio);
                if (p.Detail is { } d)
                {
                    w.WriteString("status", StatusText(d.Status));
                    JsonNumbers.Write(w, "generalLossAtRatio", d.GeneralLossAtRatio);
                    JsonNumbers.Write(w, "limit", d.Limit);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    /// <summary>
    /// A Pareto front: <c>domains</c>, <c>first</c> and <c>second</c> (loss names), and <c>points</c> (<c>weights</c> in
    /// domain order, <c>firstLoss</c>, <c>secondLoss</c>), by increasing first loss.
    /// </summary>
    /// <param name="front">The front.</param>
    public static string WriteParetoFront(ParetoFront front)
    {
        ArgumentNullException.ThrowIfNull(front);
        return JsonText.Object("pareto-front", w =>
        {
            w.WriteStartArray("domains");
            foreach (var d in front.Domains) w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteString("first", front.First);
            w.WriteString("second", front.Second);
            w.WriteStartArray("points");
            foreach (var p in front.Points)
            {
                w.WriteStartObject();
                w.WriteStartArray("weights");
                foreach (double x in p.Weights) JsonNumbers.WriteValue(w, x);
                w.WriteEndArray();
                JsonNumbers.Write(w, "firstLoss", p.FirstLoss);
                JsonNumbers.Write(w, "secondLoss", p.SecondLoss);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    /// <summary>The status as written in JSON: <c>crossing</c>, <c>all-feasible</c>, <c>upper-bound-feasible</c> or <c>infeasible</c>.</summary>
    /// <param name="status">The status.</param>
    public static string StatusText(CriticalMixtureRatioStatus status) => status switch
    {
        CriticalMixtureRatioStatus.Crossing => "crossing",
        CriticalMixtureRatioStatus.AllFeasible => "all-feasible",
        CriticalMixtureRatioStatus.UpperBoundFeasible => "upper-bound-feasible",
        _ => "infeasible",
    };

    private static void WriteResultBody(Utf8JsonWriter w, CriticalMixtureRatioResult r)
    {
        w.WriteString("status", StatusText(r.Status));
        JsonNumbers.Write(w, "ratio", r.Ratio);
        JsonNumbers.Write(w, "generalLossAtRatio", r.GeneralLossAtRatio);
        JsonNumbers.Write(w, "limit", r.Limit);
        JsonNumbers.Write(w, "preTrainingLoss", r.PreTrainingLoss);
        w.WriteStartObject("tolerance");
        w.WriteString("kind", r.Tolerance.Kind == LossToleranceKind.Absolute ? "absolute" : "relative");
        JsonNumbers.Write(w, "value", r.Tolerance.Value);
        w.WriteEndObject();
    }
}
