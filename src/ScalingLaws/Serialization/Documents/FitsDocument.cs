using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>Several saved fits in one file (<c>"kind": "fits"</c>), e.g. one per target column.</summary>
/// <param name="SchemaVersion">Document schema version.</param>
/// <param name="Kind">Always <c>fits</c>.</param>
/// <param name="Fits">The fits, each a complete <see cref="FitDocument"/>.</param>
public sealed record FitsDocument(int SchemaVersion, string Kind, ImmutableArray<FitDocument> Fits);
