namespace ScalingLaws.Nested;

/// <summary>Which step-law curves share one exponent α (Ye et al.'s <c>tie_alpha</c> in <c>pipeline/steplaw.py</c>).</summary>
public enum StepExponentSharing
{
    /// <summary>The targets of one run share α; each run has its own (<c>tie_alpha=valid</c>, the setting of <c>pipeline/run.sh</c>).</summary>
    Run,

    /// <summary>Every run and target of one model size shares α (<c>tie_alpha=all</c>, the script's default).</summary>
    Size,
}
