namespace ScalingLaws.Optimization.Mixtures;

/// <summary>What to do with domains of a published weight vector that match none of the model's training domains.</summary>
public enum UnmatchedDomainPolicy
{
    /// <summary>Throw an <see cref="ArgumentException"/> naming the unmatched domains (default).</summary>
    Error,

    /// <summary>Drop them and rescale the remaining weights to sum to 1; the dropped mass is reported.</summary>
    DropAndRenormalize,
}
