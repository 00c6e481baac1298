using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Reports;

/// <summary>A table with a header row; key-value tables are tables with two columns.</summary>
/// <param name="Header">Column headings.</param>
/// <param name="Rows">Rows of cells, each as long as <paramref name="Header"/>.</param>
/// <param name="Caption">Text above the table; empty for none.</param>
/// <param name="NumericColumns">Per column, whether it is right-aligned (numbers).</param>
public sealed record TableBlock(
    ImmutableArray<string> Header,
    ImmutableArray<ImmutableArray<string>> Rows,
    string Caption,
    ImmutableArray<bool> NumericColumns) : ReportBlock;
