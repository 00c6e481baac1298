namespace ScalingLaws.Plotting.Reports;

/// <summary>A section heading (Markdown <c>##</c>, HTML <c>&lt;h2&gt;</c>).</summary>
/// <param name="Text">The heading.</param>
public sealed record HeadingBlock(string Text) : ReportBlock;
