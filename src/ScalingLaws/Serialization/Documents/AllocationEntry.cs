using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>A compute-optimal allocation of model size and tokens.</summary>
/// <param name="Compute">Compute C (FLOP, C = 6ND).</param>
/// <param name="ModelSize">Model size N.</param>
/// <param name="Tokens">Tokens D.</param>
/// <param name="TokensPerParameter">D/N.</param>
/// <param name="Loss">Predicted loss.</param>
/// <param name="Method"><c>closed-form</c> or <c>numeric</c>.</param>
/// <param name="AtRangeLimit">Whether the optimum lies at the search range limit.</param>
/// <param name="Variables">Values of the law's variables (ordinal key order).</param>
/// <param name="ModelSizeExponent">a in N_opt ∝ C^a, or null.</param>
/// <param name="TokensExponent">b in D_opt ∝ C^b, or null.</param>
/// <param name="Coefficient">G in N_opt = G·(C/6)^a, or null.</param>
public sealed record AllocationEntry(
    double Compute,
    double ModelSize,
    double Tokens,
    double TokensPerParameter,
    double Loss,
    string Method,
    bool AtRangeLimit,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double> Variables,
    double? ModelSizeExponent,
    double? TokensExponent,
    double? Coefficient);
