using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Nested;

/// <summary>
/// One step-law fit: every target's loss of every run in <see cref="Runs"/> against the step,
/// L(S) = c + (k/S)^α with one α shared by all these curves (see <see cref="StepExponentSharing"/>), extrapolated
/// to the target step. Curve index = run position × targets + target.
/// </summary>
/// <param name="Runs">The runs fitted together (one run, or every run of a size).</param>
/// <param name="Fit">The fit on every logged step.</param>
/// <param name="AtTarget">L(S*) for each run and target: <c>AtTarget[run][target]</c>.</param>
/// <param name="HoldOutError">Mean absolute error on the last <see cref="NestedOptions.HoldOutSteps"/> steps of each run, from a refit without them (NaN when there are too few steps).</param>
public sealed record StepLawFit(ImmutableArray<NestedRun> Runs, FitResult Fit, ImmutableArray<ImmutableArray<double>> AtTarget, double HoldOutError);
