using System.Collections.Immutable;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>Thrown by <see cref="MixturePlan.EnsureFeasible"/> when no mixture satisfies every constraint.</summary>
public sealed class InfeasibleMixtureException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is infeasible, naming the constraints.</param>
    /// <param name="constraints">Descriptions of the violated constraints.</param>
    public InfeasibleMixtureException(string message, IEnumerable<string> constraints) : base(message) =>
        Constraints = constraints.ToImmutableArray();

    /// <summary>Descriptions of the violated constraints.</summary>
    public ImmutableArray<string> Constraints { get; }
}
