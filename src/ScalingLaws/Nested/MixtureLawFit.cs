using ScalingLaws.Fitting;

namespace ScalingLaws.Nested;

/// <summary>The mixture law of one target, fitted on the size-law predictions of every mixture at the target scale.</summary>
/// <param name="Target">The loss column.</param>
/// <param name="Fit">The fit.</param>
/// <param name="LeaveOneOutError">Mean absolute error of leave-one-mixture-out refits (warm-started from <paramref name="Fit"/>) on the left-out mixture.</param>
public sealed record MixtureLawFit(string Target, FitResult Fit, double LeaveOneOutError);
