using ScalingLaws.Data;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Writes a run table as CSV (header row; numbers in round-trip format).</summary>
internal static class RunTableCsv
{
    /// <summary>The table as CSV text.</summary>
    public static string Write(RunTable table) =>
        Csv.Table(table.ColumnNames, Enumerable.Range(0, table.RowCount).Select(i => table.Columns.Select(c =>
            c.Kind == ColumnKind.Numeric ? (c.IsMissing(i) ? "" : Csv.Number(c.Numbers[i])) : c.Texts[i])));
}
