namespace ScalingLaws.Optimization.Compute;

/// <summary>How a compute-optimal allocation was found.</summary>
public enum AllocationMethod
{
    /// <summary>Chinchilla's closed form N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b.</summary>
    ClosedForm,

    /// <summary>One-dimensional minimisation along the iso-compute curve in log N.</summary>
    Numeric,
}
