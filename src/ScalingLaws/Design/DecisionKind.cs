namespace ScalingLaws.Design;

/// <summary>The decision whose uncertainty the next runs should reduce.</summary>
public enum DecisionKind
{
    /// <summary>The optimal domain weights at a target budget (mixture laws).</summary>
    Weights,

    /// <summary>The compute-optimal model size N_opt at a compute budget C (laws in N and D), as log N_opt.</summary>
    Allocation,

    /// <summary>The predicted loss of every fit at a target point.</summary>
    Loss,
}
