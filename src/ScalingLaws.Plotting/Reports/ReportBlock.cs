namespace ScalingLaws.Plotting.Reports;

/// <summary>One block of a <see cref="Report"/>, in document order.</summary>
public abstract record ReportBlock;
