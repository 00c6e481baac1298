namespace ScalingLaws.Plotting.Reports;

/// <summary>Preformatted text in a fixed-width font, e.g. <see cref="ScalingLaws.Fitting.FitResult.Report"/>.</summary>
/// <param name="Text">The text, kept exactly.</param>
public sealed record PreformattedBlock(string Text) : ReportBlock;
