using System.Collections.Immutable;

namespace ScalingLaws.Optimization.Compute;

/// <summary>Options of <see cref="BudgetAllocator"/>.</summary>
public sealed record AllocationOptions
{
    /// <summary>Default options.</summary>
    public static AllocationOptions Default { get; } = new();

    /// <summary>The cost function; default 6ND.</summary>
    public ComputeCost Cost { get; init; } = ComputeCost.SixND;

    /// <summary>Values of the law's variables other than N and D (e.g. <c>U</c> for the data-constrained law, <c>r</c> for D-CPT). Default none.</summary>
    public ImmutableDictionary<string, double> Fixed { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Name of the model-size variable; default <c>N</c>.</summary>
    public string ModelSizeVariable { get; init; } = "N";

    /// <summary>Name of the token variable; default <c>D</c>.</summary>
    public string TokensVariable { get; init; } = "D";

    /// <summary>The numeric search covers N from √(C/(6·max)) to √(C/(6·min)), i.e. D/N between these (under 6ND). Default 10⁻³.</summary>
    public double MinTokensPerParameter { get; init; } = 1e-3;

    /// <summary>Upper end of the tokens-per-parameter range searched. Default 10⁵.</summary>
    public double MaxTokensPerParameter { get; init; } = 1e5;

    /// <summary>Evenly spaced values of log N scanned before Brent's method refines the best. Default 401.</summary>
    public int ScanPoints { get; init; } = 401;

    /// <summary>Use Chinchilla's closed form for a <c>chinchilla</c> law under 6ND. Default true.</summary>
    public bool UseClosedForm { get; init; } = true;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Cost);
        if (!(MinTokensPerParameter > 0) || !(MaxTokensPerParameter > MinTokensPerParameter) || double.IsInfinity(MaxTokensPerParameter))
            throw new ArgumentOutOfRangeException(nameof(MinTokensPerParameter),
                FormattableString.Invariant($"The tokens-per-parameter range [{MinTokensPerParameter}, {MaxTokensPerParameter}] must be positive, finite and non-empty."));
        if (ScanPoints < 3) throw new ArgumentOutOfRangeException(nameof(ScanPoints), ScanPoints, "At least 3 scan points are needed.");
    }
}
