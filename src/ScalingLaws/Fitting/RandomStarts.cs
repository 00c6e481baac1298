using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

/// <summary>
/// <paramref name="Count"/> quasi-random starts (scrambled Halton sequence seeded by
/// <see cref="FitOptions.Seed"/>) inside per-parameter ranges: the bounds when finite, else
/// <paramref name="Ranges"/>, else initial value ± max(1, |initial|).
/// </summary>
/// <param name="Count">Number of starts, ≥ 1.</param>
/// <param name="Ranges">Optional sampling range per parameter name (overrides bounds for sampling only).</param>
public sealed record RandomStarts(int Count, ImmutableDictionary<string, (double Lower, double Upper)>? Ranges = null) : StartPoints;
