using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Reports;

/// <summary>A rendered figure: PNG bytes written to the report's figure folder and embedded in the HTML.</summary>
/// <param name="FileName">File name of the PNG inside the figure folder, e.g. <c>fit-curves.png</c>.</param>
/// <param name="Caption">Caption and alternative text.</param>
/// <param name="Png">The PNG image.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record FigureBlock(string FileName, string Caption, ImmutableArray<byte> Png, int Width, int Height) : ReportBlock;
