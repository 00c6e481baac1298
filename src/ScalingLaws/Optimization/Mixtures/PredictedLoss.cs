using ScalingLaws.Uncertainty;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>A predicted loss at a mixture.</summary>
/// <param name="Name">Loss name.</param>
/// <param name="Value">Predicted value (nats/token).</param>
/// <param name="Interval">Bootstrap percentile interval of the prediction at the same weights, when computed.</param>
public sealed record PredictedLoss(string Name, double Value, BootstrapInterval? Interval = null);
