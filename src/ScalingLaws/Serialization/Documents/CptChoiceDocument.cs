namespace ScalingLaws.Serialization.Documents;

/// <summary>A chosen domain share of continual pre-training (<c>"kind": "cpt-choice"</c>, schema <c>docs/schema/cpt-choice.schema.json</c>).</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>cpt-choice</c>.</param>
/// <param name="Decision"><c>trade-off</c> or <c>limited-domain-data</c>.</param>
/// <param name="Feasible">Whether the limits can be met.</param>
/// <param name="DomainShare">Domain share r_d.</param>
/// <param name="GeneralShare">General share 1 − r_d.</param>
/// <param name="DomainLoss">Predicted domain loss.</param>
/// <param name="GeneralLoss">Predicted general loss, or null.</param>
/// <param name="GeneralLimit">Limit on the general loss, or null.</param>
/// <param name="LimitActive">Whether the limit binds.</param>
/// <param name="ModelSize">Model size N (null when unused).</param>
/// <param name="Tokens">Tokens D (null when unused).</param>
/// <param name="Message">The choice in words.</param>
public sealed record CptChoiceDocument(
    int SchemaVersion,
    string Kind,
    string Decision,
    bool Feasible,
    double DomainShare,
    double GeneralShare,
    double DomainLoss,
    double? GeneralLoss,
    double? GeneralLimit,
    bool LimitActive,
    double ModelSize,
    double Tokens,
    string Message);
