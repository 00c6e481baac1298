namespace ScalingLaws.Design;

/// <summary>One proposed run, in selection order, with its cost and expected benefit.</summary>
/// <param name="Rank">1 for the first run chosen, 2 for the next, ….</param>
/// <param name="CandidateIndex">Index of the run in the candidate plan.</param>
/// <param name="Run">The run.</param>
/// <param name="ExpectedVariance">Expected total variance of the decision (trace of its covariance) once this run and the earlier proposals are observed.</param>
/// <param name="Benefit">Share of the current decision variance this run removes: (V_before − V_after)/V_0.</param>
public sealed record NextRunProposal(int Rank, int CandidateIndex, PlannedRun Run, double ExpectedVariance, double Benefit)
{
    /// <summary>Cost of the run, 6·N·D FLOP (null when the candidate has no N or D).</summary>
    public double? Compute => Run.Compute;
}
