using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ScalingLaws.Expressions;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// A law from a formula the user types, e.g. <c>E + A/N^alpha + B/D^beta</c> (language:
/// <see cref="Expressions.Formula"/>). Names that are data columns are variables, every other name
/// is a parameter (initial value 1, no bounds), each in order of first appearance. The formula is
/// compiled once, on first use, to IL computing the value and the exact gradient (forward-mode
/// differentiation), so evaluation is fast, allocation-free and thread-safe. Fits evaluate it over
/// all rows at once, with the subexpressions of the data alone (log N, x², …) computed once per row
/// and those of the parameters alone once per evaluation. Fitted by least squares on linear
/// residuals from a single start unless the fit's options say otherwise. A converged, near-exact
/// least-squares fit (squared loss, linear or log residuals) is finished in double-double arithmetic:
/// parameters, residuals, RSS and the statistics and standard errors built on them stay accurate even
/// when the model fits the data almost exactly, with the data read as the decimals they were written as.
/// </summary>
public sealed class FormulaLaw : IScalingLaw, IRowCachedLaw, IExtendedPrecisionLaw
{
    private readonly Lazy<FormulaKernel> _value;
    private readonly Lazy<FormulaKernel> _valueAndGradient;
    private readonly Lazy<RowKernels> _rows;
    private readonly Lazy<ExtendedEvaluator> _extended;

    private FormulaLaw(Expressions.Formula expression, ImmutableArray<string> variables, ImmutableArray<string> parameters)
    {
        Expression = expression;
        Variables = variables;
        Parameters = [.. parameters.Select(name => new ParameterSpec(name))];
        var symbols = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        for (int i = 0; i < variables.Length; i++) symbols[variables[i]] = new Symbol(IsParameter: false, i);
        for (int j = 0; j < parameters.Length; j++) symbols[parameters[j]] = new Symbol(IsParameter: true, j);
        _value = new Lazy<FormulaKernel>(() => KernelCompiler.Compile(expression.Root, symbols, parameters.Length, withGradient: false));
        _valueAndGradient = new Lazy<FormulaKernel>(() => KernelCompiler.Compile(expression.Root, symbols, parameters.Length, withGradient: true));
        _rows = new Lazy<RowKernels>(() => RowKernels.Compile(expression.Root, symbols, parameters.Length));
        _extended = new Lazy<ExtendedEvaluator>(() => new ExtendedEvaluator(expression.Root, symbols));
    }

    /// <summary>
    /// Builds a law from <paramref name="formula"/>: names found in <paramref name="columns"/> become
    /// variables, all other names parameters, each in order of first appearance.
    /// </summary>
    /// <param name="formula">The formula text.</param>
    /// <param name="columns">Names of the data columns available.</param>
    /// <returns>The law.</returns>
    /// <exception cref="FormulaException">The formula does not parse.</exception>
    /// <exception cref="ArgumentException">Every name in the formula is a column, so there is nothing to fit.</exception>
    public static FormulaLaw Create(string formula, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var expression = Expressions.Formula.Parse(formula);
        var columnSet = columns.ToHashSet(StringComparer.Ordinal);
        var variables = expression.Identifiers.Where(columnSet.Contains).ToImmutableArray();
        var parameters = expression.Identifiers.Where(name => !columnSet.Contains(name)).ToImmutableArray();
        if (parameters.IsEmpty) throw NoParameters(expression);
        return new FormulaLaw(expression, variables, parameters);
    }

    /// <summary>
    /// Builds a law from <paramref name="formula"/> with the variables and parameters named
    /// explicitly, in the order of the <c>x</c> and <c>parameters</c> spans.
    /// </summary>
    /// <param name="formula">The formula text.</param>
    /// <param name="variables">Variable names; may include names the formula does not use.</param>
    /// <param name="parameters">Parameter names; each must appear in the formula.</param>
    /// <returns>The law.</returns>
    /// <exception cref="FormulaException">The formula does not parse, or uses a name in neither list.</exception>
    /// <exception cref="ArgumentException">No parameters, a name repeated or in both lists, or a parameter the formula does not use.</exception>
    public static FormulaLaw Create(string formula, IEnumerable<string> variables, IEnumerable<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(parameters);
        var expression = Expressions.Formula.Parse(formula);
        var variableNames = variables.ToImmutableArray();
        var parameterNames = parameters.ToImmutableArray();
        if (parameterNames.IsEmpty) throw NoParameters(expression);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in variableNames.Concat(parameterNames))
        {
            if (!seen.Add(name))
                throw new ArgumentException($"'{name}' is listed more than once among the variables and parameters of formula '{formula}'.");
        }
        foreach (string name in expression.Identifiers)
        {
            if (!seen.Contains(name))
                throw new FormulaException(formula, expression.ColumnOf(name), $"'{name}' is neither a variable nor a parameter");
        }
        foreach (string name in parameterNames)
        {
            if (!expression.Identifiers.Contains(name))
                throw new ArgumentException($"Parameter '{name}' does not appear in formula '{formula}'; it could not be fitted.", nameof(parameters));
        }
        return new FormulaLaw(expression, variableNames, parameterNames);
    }

    /// <summary>The parsed formula.</summary>
    public Expressions.Formula Expression { get; }

    /// <inheritdoc />
    public string Name => "formula";

    /// <inheritdoc />
    public string Formula => Expression.Text;

    /// <inheritdoc />
    public ImmutableArray<string> Variables { get; }

    /// <inheritdoc />
    public ImmutableArray<ParameterSpec> Parameters { get; }

    /// <inheritdoc />
    public string Citation => "";

    /// <inheritdoc />
    public unsafe double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        CheckLengths(parameters.Length, x.Length);
        fixed (double* p = parameters)
        fixed (double* v = x)
        {
            return _value.Value(p, v, null);
        }
    }

    /// <inheritdoc />
    public unsafe double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        CheckLengths(parameters.Length, x.Length);
        if (gradient.Length != Parameters.Length) ThrowLength(nameof(gradient), Parameters.Length, gradient.Length);
        fixed (double* p = parameters)
        fixed (double* v = x)
        fixed (double* g = gradient)
        {
            return _valueAndGradient.Value(p, v, g);
        }
    }

    /// <summary>
    /// Evaluates f(θ; x) in double-double arithmetic (about 32 significant digits; see
    /// <see cref="ExtendedEvaluator"/>). False when the value is not finite.
    /// </summary>
    bool IExtendedPrecisionLaw.TryEvaluateExtended(ReadOnlySpan<DoubleDouble> parameters, ReadOnlySpan<DoubleDouble> x, out DoubleDouble value) =>
        TryEvaluateExtended(parameters, x, out value);

    /// <summary>See <see cref="IExtendedPrecisionLaw.TryEvaluateExtended"/>.</summary>
    internal bool TryEvaluateExtended(ReadOnlySpan<DoubleDouble> parameters, ReadOnlySpan<DoubleDouble> x, out DoubleDouble value)
    {
        CheckLengths(parameters.Length, x.Length);
        value = _extended.Value.Evaluate(parameters, x);
        return value.IsFinite;
    }

    /// <inheritdoc />
    public FitRecipe DefaultRecipe(FitData data) => FitRecipe.Default;

    int IRowCachedLaw.CacheWidth => Rows.Width;

    unsafe void IRowCachedLaw.FillCache(ReadOnlySpan<double> x, Span<double> cache)
    {
        var rows = Rows;
        RowCache.CheckRow(rows.Width, Variables.Length, x.Length, cache.Length);
        fixed (double* v = x)
        fixed (double* c = cache)
        {
            rows.Fill(v, c);
        }
    }

    unsafe void IRowCachedLaw.EvaluateRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values)
    {
        var rows = Rows;
        RowCache.Check(Parameters.Length, rows.Width, parameters.Length, cache.Length, values.Length);
        fixed (double* p = parameters)
        fixed (double* c = cache)
        fixed (double* f = values)
        {
            rows.Value(p, c, values.Length, f, null);
        }
    }

    unsafe void IRowCachedLaw.EvaluateRowsWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values, Span<double> gradient)
    {
        var rows = Rows;
        RowCache.Check(Parameters.Length, rows.Width, parameters.Length, cache.Length, values.Length, gradient.Length);
        fixed (double* p = parameters)
        fixed (double* c = cache)
        fixed (double* f = values)
        fixed (double* g = gradient)
        {
            rows.ValueAndGradient(p, c, values.Length, f, g);
        }
    }

    /// <summary>The row-cache kernels, compiled once, on first use.</summary>
    private RowKernels Rows => _rows.Value;

    private sealed record RowKernels(int Width, RowCacheKernel Fill, RowsKernel Value, RowsKernel ValueAndGradient)
    {
        public static RowKernels Compile(Node root, IReadOnlyDictionary<string, Symbol> symbols, int parameterCount)
        {
            var layout = RowCacheLayout.Analyze(root, symbols);
            return new RowKernels(layout.Width, KernelCompiler.CompileCacheFill(layout),
                KernelCompiler.CompileRows(layout, parameterCount, withGradient: false),
                KernelCompiler.CompileRows(layout, parameterCount, withGradient: true));
        }
    }

    /// <summary>The law as <c>formula: text</c>.</summary>
    public override string ToString() => $"formula: {Formula}";

    private void CheckLengths(int parameterCount, int variableCount)
    {
        if (parameterCount != Parameters.Length) ThrowLength("parameters", Parameters.Length, parameterCount);
        if (variableCount != Variables.Length) ThrowLength("x", Variables.Length, variableCount);
    }

    [DoesNotReturn]
    private static void ThrowLength(string argument, int expected, int actual) =>
        throw new ArgumentException($"Expected {expected} values, got {actual}.", argument);

    private static ArgumentException NoParameters(Expressions.Formula expression) =>
        new(expression.Identifiers.IsEmpty
            ? $"Formula '{expression.Text}' has no parameters: it uses no names. A law needs at least one parameter to fit."
            : $"Formula '{expression.Text}' has no parameters: every name in it ({string.Join(", ", expression.Identifiers)}) is a data column. A law needs at least one name that is not a column to fit.");
}
