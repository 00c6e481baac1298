namespace ScalingLaws.Data;

/// <summary>The trimmed cells of one data row and the line it starts on.</summary>
internal sealed record CellRow(int Line, string[] Cells);
