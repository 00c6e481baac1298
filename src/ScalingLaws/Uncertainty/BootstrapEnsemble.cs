using System.Collections.Immutable;

namespace ScalingLaws.Uncertainty;

/// <summary>
/// Bootstrap replicates of several fits drawn together (replicate r of every fit used the same resampled
/// runs when rows are shared), e.g. one data-mixing fit per validation domain. Replicate r is usable when
/// every fit's refit is.
/// </summary>
/// <param name="Fits">One bootstrap per fit, in the order the fits were given.</param>
public sealed record BootstrapEnsemble(ImmutableArray<BootstrapResult> Fits)
{
    /// <summary>An ensemble of one fit.</summary>
    /// <param name="result">The bootstrap of the fit.</param>
    public static BootstrapEnsemble Of(BootstrapResult result) => new([result]);

    /// <summary>Number of replicates.</summary>
    public int Replicates => Fits.IsEmpty ? 0 : Fits[0].Replicates;

    /// <summary>Whether every fit's refit of replicate <paramref name="replicate"/> is usable.</summary>
    /// <param name="replicate">Replicate index.</param>
    public bool IsUsable(int replicate) => Fits.All(f => f.Usable[replicate]);

    /// <summary>The parameter vectors of replicate <paramref name="replicate"/>, one per fit.</summary>
    /// <param name="replicate">Replicate index.</param>
    public IReadOnlyList<IReadOnlyList<double>> Parameters(int replicate) => Fits.Select(f => (IReadOnlyList<double>)f.Samples[replicate]).ToList();
}
