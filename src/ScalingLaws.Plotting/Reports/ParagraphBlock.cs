namespace ScalingLaws.Plotting.Reports;

/// <summary>A paragraph of plain text (characters that Markdown or HTML would interpret are escaped).</summary>
/// <param name="Text">The text; line breaks are kept as spaces.</param>
public sealed record ParagraphBlock(string Text) : ReportBlock;
