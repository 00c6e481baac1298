namespace ScalingLaws.Serialization.Documents;

/// <summary>How a mixture plan was searched.</summary>
/// <param name="Candidates">Candidate mixtures screened.</param>
/// <param name="FeasibleCandidates">Feasible ones.</param>
/// <param name="BestCandidateObjective">Best screened objective.</param>
/// <param name="Starts">Local solver starts.</param>
/// <param name="Iterations">Solver iterations.</param>
/// <param name="Evaluations">Objective evaluations.</param>
/// <param name="Seed">Seed.</param>
/// <param name="ElapsedMs">Wall time in milliseconds.</param>
public sealed record PlanSearchEntry(
    int Candidates,
    int FeasibleCandidates,
    double BestCandidateObjective,
    int Starts,
    int Iterations,
    long Evaluations,
    int Seed,
    double ElapsedMs);
