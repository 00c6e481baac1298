using System.Collections.Immutable;

namespace ScalingLaws.Data;

/// <summary>One named column of a <see cref="RunTable"/>: numbers or text, one value per row.</summary>
public sealed class RunColumn
{
    private RunColumn(string name, ColumnKind kind, ImmutableArray<double> numbers, ImmutableArray<string> texts)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A column needs a non-empty name.", nameof(name));
        Name = name;
        Kind = kind;
        Numbers = numbers;
        Texts = texts;
    }

    /// <summary>Creates a numeric column; <see cref="double.NaN"/> marks a missing value.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">Values, one per row.</param>
    public static RunColumn Numeric(string name, IEnumerable<double> values) =>
        new(name, ColumnKind.Numeric, values is ImmutableArray<double> array ? array : values.ToImmutableArray(), ImmutableArray<string>.Empty);

    /// <summary>Creates a text column; the empty string marks a missing value and <c>null</c> is read as empty.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">Values, one per row.</param>
    public static RunColumn Text(string name, IEnumerable<string?> values) =>
        new(name, ColumnKind.Text, ImmutableArray<double>.Empty, values.Select(v => v ?? "").ToImmutableArray());

    /// <summary>Column name (case-sensitive).</summary>
    public string Name { get; }

    /// <summary>Whether the column holds numbers or text.</summary>
    public ColumnKind Kind { get; }

    /// <summary>The values of a numeric column; empty for a text column.</summary>
    public ImmutableArray<double> Numbers { get; }

    /// <summary>The values of a text column; empty for a numeric column.</summary>
    public ImmutableArray<string> Texts { get; }

    /// <summary>Number of values.</summary>
    public int Count => Kind == ColumnKind.Numeric ? Numbers.Length : Texts.Length;

    /// <summary>Whether the value in row <paramref name="row"/> is missing (NaN or empty).</summary>
    /// <param name="row">0-based row index.</param>
    public bool IsMissing(int row) =>
        Kind == ColumnKind.Numeric ? double.IsNaN(Numbers[row]) : Texts[row].Length == 0;

    /// <summary>The value in row <paramref name="row"/> as text: a number in round-trip invariant form, empty when missing.</summary>
    /// <param name="row">0-based row index.</param>
    public string Format(int row) =>
        Kind == ColumnKind.Text ? Texts[row]
        : double.IsNaN(Numbers[row]) ? ""
        : Numbers[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The same values under another name.</summary>
    /// <param name="name">The new name.</param>
    public RunColumn WithName(string name) => new(name, Kind, Numbers, Texts);

    internal RunColumn Select(IReadOnlyList<int> rows)
    {
        if (Kind == ColumnKind.Numeric)
        {
            var values = ImmutableArray.CreateBuilder<double>(rows.Count);
            foreach (int i in rows) values.Add(Numbers[i]);
            return new RunColumn(Name, Kind, values.MoveToImmutable(), ImmutableArray<string>.Empty);
        }
        var texts = ImmutableArray.CreateBuilder<string>(rows.Count);
        foreach (int i in rows) texts.Add(Texts[i]);
        return new RunColumn(Name, Kind, ImmutableArray<double>.Empty, texts.MoveToImmutable());
    }

    internal static RunColumn Missing(string name, ColumnKind kind, int count) =>
        kind == ColumnKind.Numeric
            ? new RunColumn(name, kind, Enumerable.Repeat(double.NaN, count).ToImmutableArray(), ImmutableArray<string>.Empty)
            : new RunColumn(name, kind, ImmutableArray<double>.Empty, Enumerable.Repeat("", count).ToImmutableArray());

    internal static RunColumn Join(string name, ColumnKind kind, IEnumerable<RunColumn> parts) =>
        kind == ColumnKind.Numeric
            ? new RunColumn(name, kind, parts.SelectMany(p => p.Numbers).ToImmutableArray(), ImmutableArray<string>.Empty)
            : new RunColumn(name, kind, ImmutableArray<double>.Empty, parts.SelectMany(p => p.Texts).ToImmutableArray());
}
