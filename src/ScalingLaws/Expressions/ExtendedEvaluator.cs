namespace ScalingLaws.Expressions;

/// <summary>
/// Evaluates a formula tree in <see cref="DoubleDouble"/> arithmetic (about 32 significant digits),
/// for residuals of near-exact fits that double rounding would swamp. Every operator and function of
/// the language has a double-double implementation. Literals are read as the decimals they were
/// written as (<see cref="DoubleDouble.FromDecimal"/>) and <c>pi</c> is π to 106 bits. The tree is
/// turned once into a tree of delegates; evaluation allocates nothing and is thread-safe.
/// </summary>
internal sealed class ExtendedEvaluator
{
    private delegate DoubleDouble Evaluation(ReadOnlySpan<DoubleDouble> parameters, ReadOnlySpan<DoubleDouble> variables);

    private readonly Evaluation _root;

    /// <summary>Prepares <paramref name="root"/>, whose names are resolved by <paramref name="symbols"/>.</summary>
    /// <exception cref="KeyNotFoundException">A name of the tree is not in <paramref name="symbols"/>.</exception>
    public ExtendedEvaluator(Node root, IReadOnlyDictionary<string, Symbol> symbols)
    {
        _root = Build(root, symbols);
    }

    /// <summary>The formula's value at the given parameters and variables, indexed as in the symbols.</summary>
    public DoubleDouble Evaluate(ReadOnlySpan<DoubleDouble> parameters, ReadOnlySpan<DoubleDouble> variables) =>
        _root(parameters, variables);

    private static Evaluation Build(Node node, IReadOnlyDictionary<string, Symbol> symbols)
    {
        switch (node)
        {
            case NumberNode number:
            {
                var value = number.Value == Math.PI ? DoubleDouble.Pi : DoubleDouble.FromDecimal(number.Value);
                return (_, _) => value;
            }
            case NameNode name:
            {
                var symbol = symbols[name.Name];
                int index = symbol.Index;
                return symbol.IsParameter ? (p, _) => p[index] : (_, x) => x[index];
            }
            case NegateNode negate:
            {
                var operand = Build(negate.Operand, symbols);
                return (p, x) => -operand(p, x);
            }
            case BinaryNode binary:
                return Binary(binary.Operator, Build(binary.Left, symbols), Build(binary.Right, symbols));
            case CallNode call:
            {
                var a = Build(call.Arguments[0], symbols);
                if (call.Arguments.Length == 2) return Call2(call.Function, a, Build(call.Arguments[1], symbols));
                return Call1(call.Function, a);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(node));
        }
    }

    private static Evaluation Binary(BinaryOperator op, Evaluation l, Evaluation r) => op switch
    {
        BinaryOperator.Add => (p, x) => l(p, x) + r(p, x),
        BinaryOperator.Subtract => (p, x) => l(p, x) - r(p, x),
        BinaryOperator.Multiply => (p, x) => l(p, x) * r(p, x),
        BinaryOperator.Divide => (p, x) => l(p, x) / r(p, x),
        BinaryOperator.Power => (p, x) => DoubleDouble.Pow(l(p, x), r(p, x)),
        BinaryOperator.Less => (p, x) => Truth(l(p, x) < r(p, x)),
        BinaryOperator.LessOrEqual => (p, x) => Truth(l(p, x) <= r(p, x)),
        BinaryOperator.Greater => (p, x) => Truth(l(p, x) > r(p, x)),
        BinaryOperator.GreaterOrEqual => (p, x) => Truth(l(p, x) >= r(p, x)),
        BinaryOperator.Equal => (p, x) => Truth(l(p, x) == r(p, x)),
        BinaryOperator.NotEqual => (p, x) => Truth(l(p, x) != r(p, x)),
        BinaryOperator.And => (p, x) => Truth(IsTrue(l(p, x)) & IsTrue(r(p, x))),
        BinaryOperator.Or => (p, x) => Truth(IsTrue(l(p, x)) | IsTrue(r(p, x))),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static Evaluation Call1(Function function, Evaluation a) => function switch
    {
        Function.Exp => (p, x) => DoubleDouble.Exp(a(p, x)),
        Function.Log => (p, x) => DoubleDouble.Log(a(p, x)),
        Function.Sqrt => (p, x) => DoubleDouble.Sqrt(a(p, x)),
        Function.Sin => (p, x) => DoubleDouble.Sin(a(p, x)),
        Function.Cos => (p, x) => DoubleDouble.Cos(a(p, x)),
        Function.Tan => (p, x) => DoubleDouble.Tan(a(p, x)),
        Function.Atan => (p, x) => DoubleDouble.Atan(a(p, x)),
        Function.Abs => (p, x) => DoubleDouble.Abs(a(p, x)),
        _ => throw new ArgumentOutOfRangeException(nameof(function)),
    };

    private static Evaluation Call2(Function function, Evaluation a, Evaluation b) => function switch
    {
        Function.Pow => (p, x) => DoubleDouble.Pow(a(p, x), b(p, x)),
        Function.Min => (p, x) => DoubleDouble.Min(a(p, x), b(p, x)),
        Function.Max => (p, x) => DoubleDouble.Max(a(p, x), b(p, x)),
        _ => throw new ArgumentOutOfRangeException(nameof(function)),
    };

    /// <summary>Nonzero is true, as in <see cref="BinaryOperators.Apply"/> (NaN counts as true there too).</summary>
    private static bool IsTrue(DoubleDouble a) => a.Hi != 0;

    private static DoubleDouble Truth(bool value) => value ? DoubleDouble.One : DoubleDouble.Zero;
}
