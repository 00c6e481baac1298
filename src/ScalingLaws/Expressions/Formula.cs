using System.Collections.Immutable;

namespace ScalingLaws.Expressions;

/// <summary>
/// A parsed formula in the formula language: numbers (<c>1e-3</c>, <c>.5</c>, <c>2.</c>), names
/// <c>[A-Za-z_][A-Za-z0-9_]*</c>, the constant <c>pi</c>, <c>+ - * /</c>, power <c>^</c> or <c>**</c>
/// (right-associative and binding tighter than unary minus: <c>-x^2</c> is <c>-(x^2)</c>),
/// parentheses, the functions <c>exp log ln sqrt pow(a,b) sin cos tan atan abs min(a,b) max(a,b)</c>
/// (<c>log</c> and <c>ln</c> are both the natural logarithm), comparisons
/// <c>&lt; &lt;= &gt; &gt;= == !=</c> (below arithmetic, not chainable, giving 1 or 0) and, lower
/// still, <c>&amp;&amp;</c> then <c>||</c> (nonzero is true). Parsing is culture-invariant.
/// Immutable and thread-safe.
/// </summary>
public sealed class Formula
{
    private readonly ImmutableDictionary<string, int> _firstColumns;

    private Formula(string text, ParsedFormula parsed)
    {
        Text = text;
        Root = parsed.Root;
        Identifiers = parsed.Identifiers;
        _firstColumns = parsed.FirstColumns;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The formula, e.g. <c>E + A/N^alpha + B/D^beta</c>.</param>
    /// <returns>The parsed formula.</returns>
    /// <exception cref="FormulaException">The text is empty or not a valid formula; the exception gives the column.</exception>
    public static Formula Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Formula(text, Parser.Parse(text));
    }

    /// <summary>The formula as given to <see cref="Parse"/>.</summary>
    public string Text { get; }

    /// <summary>Every name the formula uses (not functions, not <c>pi</c>), in order of first appearance.</summary>
    public ImmutableArray<string> Identifiers { get; }

    internal Node Root { get; }

    /// <summary>The 1-based column where <paramref name="identifier"/> first appears.</summary>
    /// <exception cref="ArgumentException">The formula does not use <paramref name="identifier"/>.</exception>
    public int ColumnOf(string identifier) =>
        _firstColumns.TryGetValue(identifier, out int column)
            ? column
            : throw new ArgumentException($"Formula '{Text}' does not use '{identifier}'.", nameof(identifier));

    /// <summary>
    /// Evaluates the formula by walking its tree: simple and slow, meant for one-off values and as
    /// the reference for compiled evaluation.
    /// </summary>
    /// <param name="values">A value for every name in <see cref="Identifiers"/>; extra entries are ignored.</param>
    /// <returns>The value of the formula (NaN or infinite when the arithmetic gives it).</returns>
    /// <exception cref="FormulaException">A name of the formula has no value.</exception>
    public double Evaluate(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (string name in Identifiers)
        {
            if (!values.ContainsKey(name))
                throw new FormulaException(Text, _firstColumns[name], $"no value given for '{name}'");
        }
        return Interpreter.Evaluate(Root, name => values[name]);
    }

    /// <summary>
    /// Compiles the formula over named values (e.g. the columns of a table, for row filters and
    /// derived columns). The result evaluates one row at a time, allocation-free.
    /// </summary>
    /// <param name="names">Names of the values passed to <see cref="CompiledFormula.Evaluate"/>, in order; may include names the formula does not use.</param>
    /// <returns>The compiled formula.</returns>
    /// <exception cref="FormulaException">The formula uses a name not in <paramref name="names"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="names"/> repeats a name.</exception>
    public CompiledFormula Compile(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var symbols = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (!symbols.TryAdd(names[i], new Symbol(IsParameter: false, i)))
                throw new ArgumentException($"Name '{names[i]}' appears more than once.", nameof(names));
        }
        foreach (string name in Identifiers)
        {
            if (!symbols.ContainsKey(name))
                throw new FormulaException(Text, _firstColumns[name], $"unknown name '{name}' (known: {string.Join(", ", names)})");
        }
        return new CompiledFormula(this, [.. names], KernelCompiler.Compile(Root, symbols, parameterCount: 0, withGradient: false));
    }

    /// <summary>The formula text.</summary>
    public override string ToString() => Text;
}
