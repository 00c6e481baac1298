namespace ScalingLaws.Plotting.Compute;

/// <summary>A named model to mark on <see cref="ComputeFrontierFigure"/>, e.g. <c>Chinchilla</c> (5.76e23 FLOP, 70e9, 1.4e12).</summary>
/// <param name="Name">Label.</param>
/// <param name="Compute">Training compute C (FLOP).</param>
/// <param name="Parameters">Parameter count N.</param>
/// <param name="Tokens">Training tokens D.</param>
public sealed record ReferenceAllocation(string Name, double Compute, double Parameters, double Tokens);
