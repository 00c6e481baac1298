namespace ScalingLaws.Data;

/// <summary>Decides whether a column of cells is numeric or text, and parses it.</summary>
internal static class ColumnTyping
{
    /// <summary>
    /// Numeric when every non-missing cell is a number; an error at the first bad cell when more than
    /// half of the non-missing cells are numbers; text otherwise (or when <paramref name="forceText"/>).
    /// </summary>
    public static RunColumn Build(string name, int index, IReadOnlyList<CellRow> rows, string file, bool forceText)
    {
        if (forceText) return RunColumn.Text(name, rows.Select(r => Missing(r.Cells[index]) ? "" : r.Cells[index]));
        var values = new double[rows.Count];
        int numbers = 0, others = 0, firstOther = -1;
        for (int i = 0; i < rows.Count; i++)
        {
            string cell = rows[i].Cells[index];
            if (Missing(cell)) values[i] = double.NaN;
            else if (NumberText.TryParse(cell, out values[i])) numbers++;
            else
            {
                others++;
                if (firstOther < 0) firstOther = i;
            }
        }
        if (others == 0) return RunColumn.Numeric(name, values);
        if (numbers > others)
            throw new DataException(CellMessages.NotANumber(rows[firstOther].Cells[index], name),
                file, rows[firstOther].Line, index + 1);
        return RunColumn.Text(name, rows.Select(r => Missing(r.Cells[index]) ? "" : r.Cells[index]));
    }

    private static bool Missing(string cell) => NumberText.IsMissing(cell);
}
