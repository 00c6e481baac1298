namespace ScalingLaws.Data;

/// <summary>Decides whether a column of cells is numeric or text, and stores it (numbers in a <c>double[]</c>).</summary>
internal static class ColumnTyping
{
    /// <summary>
    /// First pass over one column: counts numbers and other cells. The column is numeric when every non-missing cell
    /// is a number; an error at the first bad cell when more than half of the non-missing cells are numbers; text
    /// otherwise (or when forced).
    /// </summary>
    public sealed class Survey(string name, int index, bool forceText)
    {
        private int _numbers, _others, _firstOtherLine;
        private string _firstOther = "";

        /// <summary>0-based field index.</summary>
        public int Index { get; } = index;

        /// <summary>Counts one cell.</summary>
        public void Add(string cell, int row, int line)
        {
            if (forceText || NumberText.IsMissing(cell)) return;
            if (NumberText.TryParse(cell, out _)) { _numbers++; return; }
            if (_others++ == 0) { _firstOther = cell; _firstOtherLine = line; }
        }

        /// <summary>The builder for the second pass.</summary>
        /// <exception cref="DataException">A mostly numeric column has a cell that is not a number.</exception>
        public Builder Builder(int rows, string file)
        {
            if (!forceText && _others > 0 && _numbers > _others)
                throw new DataException(CellMessages.NotANumber(_firstOther, name), file, _firstOtherLine, Index + 1);
            return new Builder(name, Index, rows, numeric: !forceText && _others == 0);
        }
    }

    /// <summary>Second pass over one column: the values, parsed and stored by kind.</summary>
    public sealed class Builder
    {
        private readonly string _name;
        private readonly double[]? _numbers;
        private readonly string[]? _texts;
        private readonly Dictionary<string, string>? _pool;

        public Builder(string name, int index, int rows, bool numeric)
        {
            _name = name;
            Index = index;
            if (numeric) _numbers = new double[rows];
            else { _texts = new string[rows]; _pool = new Dictionary<string, string>(StringComparer.Ordinal); }
        }

        /// <summary>0-based field index.</summary>
        public int Index { get; }

        /// <summary>Stores the cell of row <paramref name="row"/>; repeated texts share one string.</summary>
        public void Set(int row, string cell)
        {
            if (_numbers is not null)
            {
                _numbers[row] = NumberText.IsMissing(cell) || !NumberText.TryParse(cell, out double v) ? double.NaN : v;
                return;
            }
            if (NumberText.IsMissing(cell)) { _texts![row] = ""; return; }
            if (!_pool!.TryGetValue(cell, out var shared)) _pool[cell] = shared = cell;
            _texts![row] = shared;
        }

        /// <summary>The column.</summary>
        public RunColumn Build() => _numbers is not null
            ? RunColumn.Numeric(_name, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(_numbers))
            : RunColumn.Text(_name, _texts!);
    }
}
