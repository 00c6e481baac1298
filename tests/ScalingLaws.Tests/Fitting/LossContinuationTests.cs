using ScalingLaws.Fitting;
using Xunit;
using static ScalingLaws.Tests.Fitting.EngineTestProblems;

namespace ScalingLaws.Tests.Fitting;

/// <summary>
/// The loss continuation (Huber at the residuals' scale first, then shrinking to the fit's δ): it reaches the fit
/// loss's own optimum, and its relaxed stages stop at their trial-step budget.
/// </summary>
public class LossContinuationTests
{
    /// <summary>Huber δ = 10⁻⁴ against residuals of about 10⁻²: nearly every row in the loss's linear zone.</summary>
    private static FitProblem Problem(int maxIterations = 50_000) =>
        FitProblem.Create(DecayLaw(), Decay(noise: 0.01), new FitOptions { Loss = new HuberLoss(1e-4), MaxIterations = maxIterations });

    private static readonly double[] Start = [1, 1, 0];

    private static LmSolver Solver(FitProblem problem) => new(problem, LmSolver.BlockRows(problem.Data.Count));

    [Fact]
    public void ReachesTheDirectRunsOptimum()
    {
        var problem = Problem();
        var direct = Solver(problem);
        var (directObjective, directTermination, _) = direct.Run(Start, CancellationToken.None);
        var solver = Solver(problem);
        var (objective, termination, _) = LossContinuation.Run(problem, solver, Start, CancellationToken.None);
        Assert.True(directTermination.IsConverged() && termination.IsConverged(), $"{directTermination}, {termination}");
        AssertRelative(directObjective, objective, 1e-9, "objective");
        for (int j = 0; j < 3; j++) AssertRelative(direct.Theta[j], solver.Theta[j], 1e-5, problem.Law.Parameters[j].Name);
    }

    [Fact]
    public void RelaxedStagesStopAtTheirBudgetOrTheOptionsMaximum()
    {
        // With at most 3 trial steps in all and 1 per relaxed stage: ≤ stages·1 + 3 steps. Unbudgeted, the relaxed
        // stages from this distant start would take 3 each.
        var problem = Problem(maxIterations: 3);
        var solver = Solver(problem);
        int stages = LossContinuation.RelaxedLosses(problem, solver, Start).Count();
        Assert.True(stages >= 3, $"{stages} relaxed stages");
        var (_, _, budgeted) = LossContinuation.Run(problem, solver, Start, CancellationToken.None, stageIterations: 1);
        Assert.True(budgeted <= stages + 3, $"{budgeted} trial steps over {stages} relaxed stages of one step and a final stage of at most 3");
        var (_, _, capped) = LossContinuation.Run(problem, solver, Start, CancellationToken.None, stageIterations: 0);
        Assert.True(capped <= 3 * stages + 3, $"{capped} trial steps over {stages} relaxed stages and a final stage, each of at most 3");
        Assert.True(capped > stages + 3, $"{capped} trial steps: the relaxed stages should use their 3");
    }

    [Fact]
    public void AnUnfinishedSurvivorGoesOnOnlyWhileBelowEveryConvergedOne()
    {
        // Converged (stalled counts) at 2.0, 1.5 and 1.45; budget used at 1.0, 1.6 and 1.4; failed at 0.5.
        var outcomes = new (double, Termination)[]
        {
            (2.0, Termination.CostTolerance), (1.5, Termination.StepTolerance), (1.0, Termination.MaxIterations),
            (1.6, Termination.MaxIterations), (1.4, Termination.MaxIterations), (1.45, Termination.Stalled),
            (0.5, Termination.NonFiniteJacobian),
        };
        Assert.Equal([2, 4], LevenbergMarquardt.GoOn([0, 1, 2, 3, 4, 5, 6], i => outcomes[i]));
        Assert.Equal([2, 3, 4], LevenbergMarquardt.GoOn([2, 3, 4, 6], i => outcomes[i]));
        Assert.Equal([2, 4], LevenbergMarquardt.GoOn([1, 2, 3, 4], i => outcomes[i]));
        Assert.Empty(LevenbergMarquardt.GoOn([0, 1, 5, 6], i => outcomes[i]));
    }
}
