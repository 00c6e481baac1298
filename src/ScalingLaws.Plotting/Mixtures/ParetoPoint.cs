namespace ScalingLaws.Plotting.Mixtures;

/// <summary>A mixture's predicted general and domain losses, for <see cref="ParetoFrontFigure"/>.</summary>
/// <param name="GeneralLoss">Loss on general data (nats/token).</param>
/// <param name="DomainLoss">Loss on the target domain (nats/token).</param>
/// <param name="Label">Text written next to the point (e.g. <c>r = 0.2</c>); <c>null</c> for none.</param>
public sealed record ParetoPoint(double GeneralLoss, double DomainLoss, string? Label = null);
