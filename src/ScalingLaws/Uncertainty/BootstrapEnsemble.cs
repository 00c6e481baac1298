using System.Collections.Immutable;
using ScalingLaws.Optimization;

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

    /// <summary>
    /// <paramref name="model"/> with the parameters of replicate <paramref name="replicate"/>; the fits must be in the
    /// order of the model's losses, with the same laws.
    /// </summary>
    /// <param name="model">The point-estimate model.</param>
    /// <param name="replicate">Replicate index.</param>
    /// <exception cref="ArgumentException">The fits do not match the model's losses.</exception>
    public MixtureModel Model(MixtureModel model, int replicate)
    {
        CheckMatches(model);
        return model.WithParameters(Parameters(replicate));
    }

    /// <summary>Throws unless the fits match the model's losses one to one.</summary>
    internal void CheckMatches(MixtureModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Fits.Length != model.Losses.Length)
            throw new ArgumentException($"The ensemble has {Fits.Length} fits but the model has {model.Losses.Length} losses; give one bootstrap per loss, in the model's order.");
        for (int i = 0; i < Fits.Length; i++)
            if (Fits[i].Estimate.Law.Name != model.Losses[i].Law.Law.Name || Fits[i].Estimate.Parameters.Length != model.Losses[i].Law.Parameters.Length)
                throw new ArgumentException($"Bootstrap {i} is of law '{Fits[i].Estimate.Law.Name}' but loss '{model.Losses[i].Name}' uses '{model.Losses[i].Law.Law.Name}'.");
    }
}
