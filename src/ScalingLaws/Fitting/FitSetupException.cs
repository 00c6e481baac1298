namespace ScalingLaws.Fitting;

/// <summary>
/// The fit cannot be set up as asked: an unknown parameter name, an initial value outside its bounds,
/// fewer rows than free parameters, a non-positive target in log space, and so on. The message says
/// what, which value, and how to fix it.
/// </summary>
public sealed class FitSetupException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public FitSetupException(string message) : base(message) { }
}
