namespace ScalingLaws.Fitting;

/// <summary>
/// A law some of whose parameters enter linearly: f(θ; x) = f₀(θ_N; x) + Σ_{j∈L} θ_j·φ_j(θ_N; x), where
/// θ_N are the other parameters and φ_j = ∂f/∂θ_j does not depend on any θ_l with l ∈ L. Given θ_N, the
/// best θ_L is a (box-constrained) linear least-squares problem; the solver uses this to place every
/// start's linear parameters at their best values for its other parameters before iterating
/// (<see cref="LinearProjection"/>).
/// </summary>
internal interface IPartlyLinearLaw
{
    /// <summary>Indices (into the law's parameters) of the parameters that enter linearly.</summary>
    ReadOnlySpan<int> LinearParameters { get; }
}
