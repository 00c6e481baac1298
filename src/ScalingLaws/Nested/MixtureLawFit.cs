using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Nested;

/// <summary>The mixture law of one target, fitted on the size-law predictions of every mixture at the target scale.</summary>
/// <param name="Target">The loss column.</param>
/// <param name="Fit">The fit of the chosen law.</param>
/// <param name="LeaveOneOutError">Mean absolute error of leave-one-mixture-out refits (warm-started from <paramref name="Fit"/>) on the left-out mixture.</param>
/// <param name="Law">Name of the chosen candidate (<see cref="MixtureCandidate.Name"/>).</param>
/// <param name="CandidateErrors">Leave-one-mixture-out MAE of every candidate tried, by name (NaN: too few mixtures for its parameters); the chosen law has the least.</param>
public sealed record MixtureLawFit(string Target, FitResult Fit, double LeaveOneOutError, string Law, ImmutableDictionary<string, double> CandidateErrors);
