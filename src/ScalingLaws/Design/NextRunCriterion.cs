namespace ScalingLaws.Design;

/// <summary>The belief about the fitted law from which <see cref="NextRuns"/> scores candidate runs.</summary>
public enum NextRunCriterion
{
    /// <summary>
    /// The linearised (Laplace) posterior of the parameters, Σ = (JᵀJ/σ² + diag(1/s²))⁻¹ with a weak prior of one
    /// scale s per parameter, mapped to the decision by its finite-difference derivative G = ∂q/∂θ (delta method)
    /// and to each candidate's observation by the law's exact gradient: the c-optimal design for the decision.
    /// </summary>
    Linearised,

    /// <summary>The bootstrap ensemble of the fits: the covariances of the decision and the observations over the replicates.</summary>
    Ensemble,
}
