using ScalingLaws.Optimization.Continual;
using ScalingLaws.Optimization.Mixtures;
using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Serialization;

/// <summary>
/// The one reader and writer of continual pre-training decisions: a chosen domain share (<see cref="CptChoiceDocument"/>,
/// <c>"kind": "cpt-choice"</c>), a critical mixture ratio (<see cref="CriticalRatioDocument"/>, <c>"critical-mixture-ratio"</c>),
/// its curve against tokens (<see cref="CriticalRatioCurveDocument"/>, <c>"critical-ratio-curve"</c>) and a Pareto front
/// between two losses (<see cref="ParetoFrontDocument"/>, <c>"pareto-front"</c>); schemas in <c>docs/schema/</c>. Numbers use
/// the round-trip format; non-finite or absent numbers are <c>null</c>. Writing what was read gives the same bytes.
/// </summary>
public static class ContinualPretrainingJson
{
    /// <summary>Serialises a chosen share.</summary>
    /// <param name="choice">The choice.</param>
    /// <param name="decision">Which decision produced it (<c>trade-off</c>, <c>limited-domain-data</c>).</param>
    public static string WriteChoice(ContinualPretrainingChoice choice, string decision)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return WriteChoice(new CptChoiceDocument(SchemaVersion.Current, "cpt-choice", decision, choice.IsFeasible, choice.DomainShare, 1 - choice.DomainShare,
            choice.DomainLoss, choice.GeneralLoss, choice.GeneralLimit, choice.LimitActive, choice.ModelSize, choice.Tokens, choice.Message));
    }

    /// <summary>Serialises a choice document.</summary>
    /// <param name="document">The document.</param>
    public static string WriteChoice(CptChoiceDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.CptChoiceDocument);

    /// <summary>Reads a choice document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a cpt-choice document of this schema version.</exception>
    public static CptChoiceDocument ReadChoice(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.CptChoiceDocument, "cpt-choice");

    /// <summary>Serialises a critical mixture ratio.</summary>
    /// <param name="result">The search result.</param>
    /// <param name="modelSize">N it was solved at (NaN when the law does not read it).</param>
    /// <param name="tokens">D it was solved at (NaN when the law does not read it).</param>
    public static string WriteCriticalRatio(CriticalMixtureRatioResult result, double modelSize, double tokens)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WriteCriticalRatio(new CriticalRatioDocument(SchemaVersion.Current, "critical-mixture-ratio", StatusText(result.Status), result.Ratio,
            result.GeneralLossAtRatio, result.Limit, result.PreTrainingLoss,
            new ToleranceEntry(result.Tolerance.Kind == LossToleranceKind.Absolute ? "absolute" : "relative", result.Tolerance.Value), modelSize, tokens));
    }

    /// <summary>Serialises a critical-ratio document.</summary>
    /// <param name="document">The document.</param>
    public static string WriteCriticalRatio(CriticalRatioDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.CriticalRatioDocument);

    /// <summary>Reads a critical-ratio document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a critical-mixture-ratio document of this schema version.</exception>
    public static CriticalRatioDocument ReadCriticalRatio(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.CriticalRatioDocument, "critical-mixture-ratio");

    /// <summary>Serialises the critical ratio against the token budget (source <c>general-loss-law</c> when solved from one).</summary>
    /// <param name="points">The curve.</param>
    /// <param name="modelSize">N (NaN when not used).</param>
    public static string WriteCriticalRatioCurve(IReadOnlyList<CriticalRatioPoint> points, double modelSize)
    {
        ArgumentNullException.ThrowIfNull(points);
        return WriteCriticalRatioCurve(new CriticalRatioCurveDocument(SchemaVersion.Current, "critical-ratio-curve",
            points.Any(p => p.Detail is not null) ? "general-loss-law" : "cmr-tokens-law", modelSize,
            [.. points.Select(p => new CriticalRatioPointEntry(p.Tokens, p.Ratio, p.Detail is { } d ? StatusText(d.Status) : null, p.Detail?.GeneralLossAtRatio, p.Detail?.Limit))]));
    }

    /// <summary>Serialises a curve document.</summary>
    /// <param name="document">The document.</param>
    public static string WriteCriticalRatioCurve(CriticalRatioCurveDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.CriticalRatioCurveDocument);

    /// <summary>Reads a curve document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a critical-ratio-curve document of this schema version.</exception>
    public static CriticalRatioCurveDocument ReadCriticalRatioCurve(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.CriticalRatioCurveDocument, "critical-ratio-curve");

    /// <summary>Serialises a Pareto front (points by increasing first loss).</summary>
    /// <param name="front">The front.</param>
    public static string WriteParetoFront(ParetoFront front)
    {
        ArgumentNullException.ThrowIfNull(front);
        return WriteParetoFront(new ParetoFrontDocument(SchemaVersion.Current, "pareto-front", front.Domains, front.First, front.Second,
            [.. front.Points.Select(p => new ParetoPointEntry([.. p.Weights], p.FirstLoss, p.SecondLoss))]));
    }

    /// <summary>Serialises a Pareto-front document.</summary>
    /// <param name="document">The document.</param>
    public static string WriteParetoFront(ParetoFrontDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.ParetoFrontDocument);

    /// <summary>Reads a Pareto-front document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a pareto-front document of this schema version.</exception>
    public static ParetoFrontDocument ReadParetoFront(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.ParetoFrontDocument, "pareto-front");

    /// <summary>The status as written in JSON: <c>crossing</c>, <c>all-feasible</c>, <c>upper-bound-feasible</c> or <c>infeasible</c>.</summary>
    /// <param name="status">The status.</param>
    public static string StatusText(CriticalMixtureRatioStatus status) => status switch
    {
        CriticalMixtureRatioStatus.Crossing => "crossing",
        CriticalMixtureRatioStatus.AllFeasible => "all-feasible",
        CriticalMixtureRatioStatus.UpperBoundFeasible => "upper-bound-feasible",
        _ => "infeasible",
    };
}
