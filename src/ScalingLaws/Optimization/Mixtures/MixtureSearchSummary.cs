namespace ScalingLaws.Optimization.Mixtures;

/// <summary>How the search for a mixture went.</summary>
/// <param name="Candidates">Mixtures evaluated by the global safeguard (random samples, centre, vertices, baselines, given starts).</param>
/// <param name="FeasibleCandidates">Of those, how many satisfied every constraint.</param>
/// <param name="BestCandidateObjective">The best objective among feasible candidates (NaN when none).</param>
/// <param name="Starts">Local searches run.</param>
/// <param name="Iterations">Projected-gradient iterations over all local searches.</param>
/// <param name="Evaluations">Evaluations of the model over the whole search.</param>
/// <param name="Seed">Seed of the random candidates.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record MixtureSearchSummary(int Candidates, int FeasibleCandidates, double BestCandidateObjective, int Starts, int Iterations,
    long Evaluations, int Seed, TimeSpan Elapsed);
