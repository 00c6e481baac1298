namespace ScalingLaws.Fitting;

/// <summary>
/// A law that contains a simpler law: on the same variables, it equals <see cref="Reduced"/> when every parameter
/// <see cref="Reduced"/> lacks is at its initial value (<see cref="ParameterSpec.Initial"/>) and the shared
/// parameters (same names) agree. A screened multi-start fit of such a law fits <see cref="Reduced"/> first and
/// runs one more start from its optimum, so the fit's objective is never above the simpler law's.
/// </summary>
public interface INestedLaw : IScalingLaw
{
    /// <summary>The simpler law, e.g. the additive mixture law inside the joint one (a_i = b_i = 1).</summary>
    IScalingLaw Reduced { get; }
}
