using ScalingLaws.Fitting;

namespace ScalingLaws.Tests.Laws;

/// <summary>A law with a sampler of valid parameters and inputs.</summary>
public sealed record LawCase(string Label, IScalingLaw Law, Func<Random, (double[] Theta, double[] X)> Sample);
