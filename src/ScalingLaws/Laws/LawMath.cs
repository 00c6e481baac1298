using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>Small numerical pieces shared by the laws.</summary>
internal static class LawMath
{
    /// <summary>
    /// Returns xᵖ and sets <paramref name="derivative"/> = ∂xᵖ/∂p = xᵖ·ln x, taking the limit 0 when x = 0
    /// (exact for p &gt; 0, where xᵖ = 0 in a neighbourhood of the exponent).
    /// </summary>
    public static double PowWithExponentDerivative(double x, double p, out double derivative)
    {
        double value = Math.Pow(x, p);
        derivative = x == 0 ? 0 : value * Math.Log(x);
        return value;
    }

    /// <summary>Throws when the spans do not match the law's parameter and variable counts.</summary>
    public static void CheckLengths(IScalingLaw law, int parameterCount, int variableCount)
    {
        if (parameterCount != law.Parameters.Length)
            throw new ArgumentException(
                $"Law '{law.Name}' has {law.Parameters.Length} parameters ({string.Join(", ", law.Parameters.Select(p => p.Name))}); got {parameterCount} values.",
                "parameters");
        if (variableCount != law.Variables.Length)
            throw new ArgumentException(
                $"Law '{law.Name}' reads {law.Variables.Length} variables ({string.Join(", ", law.Variables)}); got {variableCount} values.",
                "x");
    }

    /// <summary>Throws when the gradient span is not exactly one entry per parameter.</summary>
    public static void CheckGradient(IScalingLaw law, int gradientLength)
    {
        if (gradientLength != law.Parameters.Length)
            throw new ArgumentException(
                $"Gradient for law '{law.Name}' must have {law.Parameters.Length} entries; got {gradientLength}.",
                "gradient");
    }
}
