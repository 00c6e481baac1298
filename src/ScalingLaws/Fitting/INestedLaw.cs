namespace ScalingLaws.Fitting;

/// <summary>
/// A law that contains a simpler law: on the same variables, it equals <see cref="Reduced"/> when every parameter
/// <see cref="Reduced"/> lacks is at its initial value (<see cref="ParameterSpec.Initial"/>) and the shared
/// parameters (same names) agree. A screened multi-start fit of such a law also fits <see cref="Reduced"/>; its
/// optimum, embedded, is a candidate outcome as it is (no iteration), and when no other start reached its objective
/// one more start runs from it, so the fit's objective is never above the simpler law's.
/// </summary>
public interface INestedLaw : IScalingLaw
{
    /// <summary>The simpler law, e.g. the additive mixture law inside the joint one (a_i = b_i = 1).</summary>
    IScalingLaw Reduced { get; }
}
