namespace ScalingLaws.Data;

/// <summary>A view of one row of a <see cref="RunTable"/>, for filters and derived columns.</summary>
public readonly struct RunRow
{
    private readonly RunTable _table;

    internal RunRow(RunTable table, int index)
    {
        _table = table;
        Index = index;
    }

    /// <summary>0-based index of the row in its table.</summary>
    public int Index { get; }

    /// <summary>Where the row came from.</summary>
    public SourceLocation Source => _table.RowSource(Index);

    /// <summary>The value of a numeric column in this row (NaN when missing).</summary>
    /// <param name="column">Column name.</param>
    /// <exception cref="DataException">No such column, or it holds text.</exception>
    public double Number(string column) => _table.Numeric(column)[Index];

    /// <summary>The value of a column in this row as text (numbers in round-trip form, empty when missing).</summary>
    /// <param name="column">Column name.</param>
    /// <exception cref="DataException">No such column.</exception>
    public string Text(string column) => _table.Column(column).Format(Index);

    /// <summary>Whether the value of a column in this row is missing.</summary>
    /// <param name="column">Column name.</param>
    /// <exception cref="DataException">No such column.</exception>
    public bool IsMissing(string column) => _table.Column(column).IsMissing(Index);
}
