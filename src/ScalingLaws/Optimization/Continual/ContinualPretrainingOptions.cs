using System.Collections.Immutable;

namespace ScalingLaws.Optimization.Continual;

/// <summary>How <see cref="ContinualPretraining"/> binds the laws' variables and searches the domain share.</summary>
public sealed record ContinualPretrainingOptions
{
    /// <summary>Default options.</summary>
    public static ContinualPretrainingOptions Default { get; } = new();

    /// <summary>The share variable of the laws; default <c>r</c> (a law without it but with <c>R</c> uses <c>R</c>).</summary>
    public string ShareVariable { get; init; } = "r";

    /// <summary>Model-size variable; default <c>N</c> (ignored by laws that do not read it).</summary>
    public string ModelSizeVariable { get; init; } = "N";

    /// <summary>Token variable; default <c>D</c> (ignored by laws that do not read it).</summary>
    public string TokensVariable { get; init; } = "D";

    /// <summary>
    /// Whether the general-loss law is written in the domain share r_d. Default false: as in D-CPT, the
    /// general loss is fitted in r_g = 1 − r_d, so it is evaluated at 1 − r_d.
    /// </summary>
    public bool GeneralLawUsesDomainShare { get; init; }

    /// <summary>Values of other variables (e.g. <c>K</c> of the cross-domain D-CPT law). Default none.</summary>
    public ImmutableDictionary<string, double> Fixed { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Evenly spaced domain shares scanned before refinement. Default 1,001.</summary>
    public int ScanPoints { get; init; } = 1001;

    /// <summary>Smallest domain share considered. Default 0.</summary>
    public double MinShare { get; init; }

    /// <summary>Largest domain share considered. Default 1.</summary>
    public double MaxShare { get; init; } = 1;

    internal void Validate()
    {
        if (ScanPoints < 3) throw new ArgumentOutOfRangeException(nameof(ScanPoints), ScanPoints, "At least 3 scan points are needed.");
        if (!(MinShare >= 0 && MaxShare <= 1 && MinShare < MaxShare))
            throw new ArgumentOutOfRangeException(nameof(MinShare), FormattableString.Invariant($"The share range [{MinShare}, {MaxShare}] must satisfy 0 ≤ min < max ≤ 1."));
    }
}
