using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Reports;

/// <summary>The files a report was written to.</summary>
/// <param name="Markdown">Path of the Markdown file.</param>
/// <param name="Html">Path of the self-contained HTML file.</param>
/// <param name="Figures">Paths of the figure PNGs, in document order.</param>
public sealed record ReportFiles(string Markdown, string Html, ImmutableArray<string> Figures);
