namespace ScalingLaws.Fitting;

/// <summary>Where a fitted parameter sits relative to its bounds.</summary>
public enum BoundState
{
    /// <summary>Strictly inside its bounds (or unbounded).</summary>
    Free,

    /// <summary>At its lower bound.</summary>
    AtLower,

    /// <summary>At its upper bound.</summary>
    AtUpper,

    /// <summary>Held fixed by <see cref="FitOptions.Fixed"/>.</summary>
    Fixed,
}
