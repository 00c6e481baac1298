using ScalingLaws.Expressions;

namespace ScalingLaws.Fitting;

/// <summary>A law that can evaluate itself in double-double arithmetic (about 32 significant digits).</summary>
internal interface IExtendedPrecisionLaw : IScalingLaw
{
    /// <summary>f(θ; x) in double-double; false when the value is not finite.</summary>
    bool TryEvaluateExtended(ReadOnlySpan<DoubleDouble> parameters, ReadOnlySpan<DoubleDouble> x, out DoubleDouble value);
}
