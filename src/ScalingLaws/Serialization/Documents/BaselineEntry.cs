using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>A baseline mixture evaluated beside a plan.</summary>
/// <param name="Name">Baseline name.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Weights">Its weights by domain (ordinal key order).</param>
/// <param name="Losses">Predicted losses.</param>
/// <param name="Objective">Objective value.</param>
/// <param name="Gap">Objective minus the plan's.</param>
/// <param name="Feasible">Whether it satisfies the constraints.</param>
/// <param name="Violations">Constraints it violates.</param>
/// <param name="DroppedDomains">Domains of the source absent from the plan.</param>
/// <param name="DroppedWeight">Their total weight.</param>
/// <param name="MissingDomains">Domains of the plan absent from the source.</param>
public sealed record BaselineEntry(
    string Name,
    string Source,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double> Weights,
    ImmutableArray<PredictedLossEntry> Losses,
    double Objective,
    double Gap,
    bool Feasible,
    ImmutableArray<string> Violations,
    ImmutableArray<string> DroppedDomains,
    double DroppedWeight,
    ImmutableArray<string> MissingDomains);
