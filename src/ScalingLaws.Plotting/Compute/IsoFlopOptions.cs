namespace ScalingLaws.Plotting.Compute;

/// <summary>Options of <see cref="IsoFlopFigure"/>.</summary>
public sealed record IsoFlopOptions : ComputeFigureOptions
{
    /// <summary>Column of the observed runs' compute; when the table lacks it, k·N·D is used. Default <c>C</c>.</summary>
    public string ComputeColumn { get; init; } = "C";

    /// <summary>An observed run belongs to the nearest budget within this many decades of compute. Default 0.15.</summary>
    public double BudgetTolerance { get; init; } = 0.15;

    /// <summary>Each curve spans this many decades of N either side of its optimum (widened to cover its observed runs). Default 1.25.</summary>
    public double SpanDecades { get; init; } = 1.25;

    /// <summary>Points per curve. Default 150.</summary>
    public int CurvePoints { get; init; } = 150;

    /// <summary>Logarithmic loss axis. Default false (the isoFLOP parabolas of Hoffmann et al. use a linear loss axis).</summary>
    public bool LogY { get; init; }
}
