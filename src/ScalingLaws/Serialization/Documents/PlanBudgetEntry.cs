namespace ScalingLaws.Serialization.Documents;

/// <summary>The scale a mixture plan's losses are predicted at.</summary>
/// <param name="ModelSize">Model size N, or null when the laws do not read it.</param>
/// <param name="Tokens">Tokens D, or null when the laws do not read it.</param>
public sealed record PlanBudgetEntry(
    double? ModelSize,
    double? Tokens);
