using System.Collections.Immutable;
using System.Globalization;

namespace ScalingLaws.Data;

/// <summary>
/// Training runs as an immutable table of named columns (numbers or text), one row per run or
/// checkpoint, each row remembering the file and line it came from. Column names are
/// case-sensitive; a lookup that fails suggests close matches and lists the available columns.
/// </summary>
public sealed partial class RunTable
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a table from columns of equal length.</summary>
    /// <param name="name">Name of the source (file path or description), used in messages.</param>
    /// <param name="columns">The columns; names must be distinct.</param>
    /// <param name="sources">Where each row came from; <c>null</c> numbers the rows 1, 2, … in <paramref name="name"/>.</param>
    /// <exception cref="ArgumentException">Lengths differ or a name repeats.</exception>
    public RunTable(string name, IEnumerable<RunColumn> columns, IEnumerable<SourceLocation>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(columns);
        Name = name;
        Columns = columns.ToImmutableArray();
        int rows = Columns.IsEmpty ? 0 : Columns[0].Count;
        Sources = sources is null
            ? Enumerable.Range(1, rows).Select(i => new SourceLocation(name, i)).ToImmutableArray()
            : sources.ToImmutableArray();
        if (Columns.IsEmpty) rows = Sources.Length;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < Columns.Length; j++)
        {
            var column = Columns[j];
            if (!_index.TryAdd(column.Name, j))
                throw new ArgumentException($"Column name '{column.Name}' appears twice.", nameof(columns));
            if (column.Count != rows)
                throw new ArgumentException(
                    $"Column '{column.Name}' has {column.Count} values; expected {rows}.", nameof(columns));
        }
        if (Sources.Length != rows)
            throw new ArgumentException($"{Sources.Length} source locations for {rows} rows.", nameof(sources));
        RowCount = rows;
        ColumnNames = Columns.Select(c => c.Name).ToImmutableArray();
    }

    /// <summary>Name of the source (file path or description), used in messages.</summary>
    public string Name { get; }

    /// <summary>The columns, in order.</summary>
    public ImmutableArray<RunColumn> Columns { get; }

    /// <summary>The column names, in order.</summary>
    public ImmutableArray<string> ColumnNames { get; }

    /// <summary>Where each row came from.</summary>
    public ImmutableArray<SourceLocation> Sources { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount => Columns.Length;

    /// <summary>Whether a column of exactly this name (case-sensitive) exists.</summary>
    /// <param name="name">Column name.</param>
    public bool HasColumn(string name) => _index.ContainsKey(name);

    /// <summary>The column of this name.</summary>
    /// <param name="name">Column name (case-sensitive).</param>
    /// <exception cref="DataException">No such column; the message suggests close matches.</exception>
    public RunColumn Column(string name) =>
        _index.TryGetValue(name, out int j)
            ? Columns[j]
            : throw new DataException(ColumnSuggestions.NoColumn(name, ColumnNames), Name);

    /// <summary>The values of a numeric column (NaN where missing).</summary>
    /// <param name="name">Column name (case-sensitive).</param>
    /// <exception cref="DataException">No such column, or it holds text.</exception>
    public ImmutableArray<double> Numeric(string name)
    {
        var column = Column(name);
        if (column.Kind == ColumnKind.Numeric) return column.Numbers;
        throw new DataException(TextColumnMessage(column), Name);
    }

    /// <summary>The values of a column as text: text as read, numbers in round-trip invariant form, missing values empty.</summary>
    /// <param name="name">Column name (case-sensitive).</param>
    /// <exception cref="DataException">No such column.</exception>
    public ImmutableArray<string> Text(string name)
    {
        var column = Column(name);
        return column.Kind == ColumnKind.Text
            ? column.Texts
            : Enumerable.Range(0, RowCount).Select(column.Format).ToImmutableArray();
    }

    /// <summary>Where row <paramref name="row"/> came from.</summary>
    /// <param name="row">0-based row index.</param>
    public SourceLocation RowSource(int row) => Sources[row];

    /// <summary>A view of row <paramref name="row"/>.</summary>
    /// <param name="row">0-based row index.</param>
    public RunRow Row(int row)
    {
        if ((uint)row >= (uint)RowCount)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"The table has {RowCount} rows.");
        return new RunRow(this, row);
    }

    /// <summary>All rows, in order.</summary>
    public IEnumerable<RunRow> Rows => Enumerable.Range(0, RowCount).Select(i => new RunRow(this, i));

    /// <summary>A one-line summary: name, rows and columns.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {RowCount} rows × {ColumnCount} columns");

    private string TextColumnMessage(RunColumn column)
    {
        var example = Enumerable.Range(0, RowCount).FirstOrDefault(i => !column.IsMissing(i), -1);
        var message = $"column '{column.Name}' holds text, not numbers";
        if (example >= 0)
        {
            message += $" (e.g. {CellMessages.Quote(column.Texts[example])} at {Sources[example]})";
            var hint = CellMessages.Hint(column.Texts[example]);
            if (hint.Length > 0) return message + ". " + hint;
        }
        return message + ".";
    }
}
