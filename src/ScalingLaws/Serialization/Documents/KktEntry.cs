namespace ScalingLaws.Serialization.Documents;

/// <summary>Karush–Kuhn–Tucker residuals of a plan.</summary>
/// <param name="Residual">Largest of the three residuals.</param>
/// <param name="Stationarity">Stationarity residual.</param>
/// <param name="Feasibility">Feasibility residual.</param>
/// <param name="Complementarity">Complementary slackness residual.</param>
/// <param name="SimplexMultiplier">Multiplier of Σw = 1.</param>
public sealed record KktEntry(
    double Residual,
    double Stationarity,
    double Feasibility,
    double Complementarity,
    double SimplexMultiplier);
