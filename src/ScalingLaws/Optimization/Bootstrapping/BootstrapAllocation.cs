using System.Collections.Immutable;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Optimization.Bootstrapping;

/// <summary>Bootstrap uncertainty of a compute-optimal allocation.</summary>
/// <param name="Estimate">The allocation of the full-data fit.</param>
/// <param name="ModelSizeInterval">Percentile interval of N_opt over the usable replicates.</param>
/// <param name="TokensInterval">Percentile interval of D_opt.</param>
/// <param name="LossInterval">Percentile interval of the predicted loss at each replicate's own optimum.</param>
/// <param name="Samples">The allocation of every usable replicate, in replicate order.</param>
public sealed record BootstrapAllocation(BudgetAllocation Estimate, BootstrapInterval ModelSizeInterval, BootstrapInterval TokensInterval,
    BootstrapInterval LossInterval, ImmutableArray<BudgetAllocation> Samples);
