using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>A mixture law of stage 3.</summary>
/// <param name="Target">Target.</param>
/// <param name="Parameters">Fitted parameters (ordinal key order).</param>
/// <param name="Law">The mixture law chosen for this target.</param>
/// <param name="LeaveOneOutMae">Leave-one-mixture-out MAE.</param>
/// <param name="Usable">Whether the fit converged.</param>
public sealed record NestedMixtureLawEntry(
    string Target,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double> Parameters,
    string Law,
    double LeaveOneOutMae,
    bool Usable);
