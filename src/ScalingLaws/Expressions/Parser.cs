using System.Collections.Immutable;

namespace ScalingLaws.Expressions;

/// <summary>
/// Recursive-descent parser. Precedence from lowest: <c>||</c>, <c>&amp;&amp;</c>, comparisons
/// (not chainable), <c>+ -</c>, <c>* /</c>, unary <c>- +</c>, power (<c>^</c> or <c>**</c>,
/// right-associative, its exponent may carry a sign), then numbers, names, calls and parentheses.
/// </summary>
internal sealed class Parser
{
    /// <summary>Deepest nesting accepted, to keep every recursive pass far from the stack limit.</summary>
    public const int MaxDepth = 256;

    /// <summary>Longest chain of + − (or * /) kept left-deep as written; longer chains are balanced.</summary>
    private const int LeftDeepChain = 32;

    /// <summary>Longest formula text accepted: 100,000 characters.</summary>
    public const int MaxLength = 100_000;

    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly List<string> _identifiers = [];
    private readonly Dictionary<string, int> _firstColumns = new(StringComparer.Ordinal);
    private int _position;
    private int _nesting;

    private Parser(string text)
    {
        _text = text;
        _tokens = Lexer.Tokenize(text);
    }

    public static ParsedFormula Parse(string text)
    {
        if (text.Length > MaxLength)
            throw new FormulaException(text[..80] + "…", 1, $"formula is {text.Length:N0} characters long; at most {MaxLength:N0}");
        var parser = new Parser(text);
        if (parser.Current.Kind == TokenKind.End) throw parser.Error(1, "empty formula");
        Node root = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End) throw parser.Unexpected(parser.Current);
        return new ParsedFormula(root, [.. parser._identifiers], parser._firstColumns.ToImmutableDictionary(StringComparer.Ordinal));
    }

    private Token Current => _tokens[_position];

    private Token Advance() => _tokens[_position++];

    private Node ParseExpression() => ParseOr();

    private Node ParseOr()
    {
        Node left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            Token op = Advance();
            left = Make(new BinaryNode(BinaryOperator.Or, left, ParseAnd()), op);
        }
        return left;
    }

    private Node ParseAnd()
    {
        Node left = ParseComparison();
        while (Current.Kind == TokenKind.And)
        {
            Token op = Advance();
            left = Make(new BinaryNode(BinaryOperator.And, left, ParseComparison()), op);
        }
        return left;
    }

    private Node ParseComparison()
    {
        Node left = ParseAdditive();
        if (ComparisonOperator(Current.Kind) is not { } first) return left;
        Token op = Advance();
        Node result = Make(new BinaryNode(first, left, ParseAdditive()), op);
        if (ComparisonOperator(Current.Kind) is not null)
            throw Error(Current.Column, $"comparisons cannot be chained; combine them with '&&'");
        return result;
    }

    private static BinaryOperator? ComparisonOperator(TokenKind kind) => kind switch
    {
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        _ => null,
    };

    private Node ParseAdditive()
    {
        var terms = new List<(bool Inverse, Node Node, Token At)> { (false, ParseMultiplicative(), Current) };
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            Token op = Advance();
            terms.Add((op.Kind == TokenKind.Minus, ParseMultiplicative(), op));
        }
        return Chain(terms, BinaryOperator.Add, BinaryOperator.Subtract);
    }

    private Node ParseMultiplicative()
    {
        var factors = new List<(bool Inverse, Node Node, Token At)> { (false, ParseUnary(), Current) };
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            Token op = Advance();
            factors.Add((op.Kind == TokenKind.Slash, ParseUnary(), op));
        }
        return Chain(factors, BinaryOperator.Multiply, BinaryOperator.Divide);
    }

    /// <summary>
    /// A chain t₁ ∘ t₂ ∘ … ∘ tₙ of one precedence level (∘ = + or −, or * or /). Up to <see cref="LeftDeepChain"/>
    /// terms it is left-deep, as written; a longer chain (a flat sum of hundreds of terms) is grouped as a balanced tree of
    /// the same value — a − (b − c) for a − b + c — so its depth grows with log n and only real nesting meets <see cref="MaxDepth"/>.
    /// </summary>
    private Node Chain(List<(bool Inverse, Node Node, Token At)> terms, BinaryOperator direct, BinaryOperator inverse)
    {
        if (terms.Count <= LeftDeepChain)
        {
            Node left = terms[0].Node;
            for (int k = 1; k < terms.Count; k++) left = Make(new BinaryNode(terms[k].Inverse ? inverse : direct, left, terms[k].Node), terms[k].At);
            return left;
        }
        return Balanced(terms, 0, terms.Count, flip: false, direct, inverse);
    }

    /// <summary>Terms [<paramref name="from"/>, <paramref name="to"/>) as one group whose first term counts as direct; <paramref name="flip"/> inverts the others' operators.</summary>
    private Node Balanced(List<(bool Inverse, Node Node, Token At)> terms, int from, int to, bool flip, BinaryOperator direct, BinaryOperator inverse)
    {
        if (to - from == 1) return terms[from].Node;
        int middle = (from + to) / 2;
        bool middleInverse = terms[middle].Inverse ^ flip;
        var left = Balanced(terms, from, middle, flip, direct, inverse);
        var right = Balanced(terms, middle, to, flip ^ middleInverse, direct, inverse);
        return Make(new BinaryNode(middleInverse ? inverse : direct, left, right), terms[middle].At);
    }

    private Node ParseUnary()
    {
        if (++_nesting > MaxDepth) throw TooDeep(Current);
        try
        {
            Token token = Current;
            if (token.Kind == TokenKind.Minus)
            {
                Advance();
                return Make(new NegateNode(ParseUnary()), token);
            }
            if (token.Kind == TokenKind.Plus)
            {
                Advance();
                return ParseUnary();
            }
            return ParsePower();
        }
        finally
        {
            _nesting--;
        }
    }

    private Node ParsePower()
    {
        Node baseNode = ParsePrimary();
        if (Current.Kind != TokenKind.Power) return baseNode;
        Token op = Advance();
        return Make(new BinaryNode(BinaryOperator.Power, baseNode, ParseUnary()), op);
    }

    private Node ParsePrimary()
    {
        Token token = Advance();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new NumberNode(token.Number);
            case TokenKind.LeftParenthesis:
                Node inner = ParseExpression();
                Expect(TokenKind.RightParenthesis, "')'");
                return inner;
            case TokenKind.Identifier when Current.Kind == TokenKind.LeftParenthesis:
                return ParseCall(token);
            case TokenKind.Identifier:
                return ParseName(token);
            default:
                _position--;
                throw Unexpected(token);
        }
    }

    private Node ParseName(Token token)
    {
        if (token.Text == "pi") return new NumberNode(Math.PI);
        if (Functions.TryLookup(token.Text, out _))
            throw Error(token.Column, $"function '{token.Text}' needs its arguments in parentheses");
        if (_firstColumns.TryAdd(token.Text, token.Column)) _identifiers.Add(token.Text);
        return new NameNode(token.Text);
    }

    private Node ParseCall(Token name)
    {
        if (!Functions.TryLookup(name.Text, out Function function))
            throw Error(name.Column, $"unknown function '{name.Text}'");
        Advance();
        var arguments = ImmutableArray.CreateBuilder<Node>();
        if (Current.Kind != TokenKind.RightParenthesis)
        {
            arguments.Add(ParseExpression());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseExpression());
            }
        }
        Expect(TokenKind.RightParenthesis, "')'");
        int arity = function.Arity();
        if (arguments.Count != arity)
        {
            string noun = arity == 1 ? "argument" : "arguments";
            throw Error(name.Column, $"function '{name.Text}' takes {arity} {noun}, got {arguments.Count}");
        }
        return Make(new CallNode(function, arguments.ToImmutable()), name);
    }

    private void Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind) throw Error(Current.Column, $"expected {what} but found {Current.Describe()}");
        Advance();
    }

    private Node Make(Node node, Token at) => node.Depth > MaxDepth ? throw TooDeep(at) : node;

    private FormulaException TooDeep(Token at) =>
        Error(at.Column, $"formula is nested too deeply (more than {MaxDepth} levels)");

    private FormulaException Unexpected(Token token) =>
        Error(token.Column, token.Kind == TokenKind.End ? "unexpected end of formula" : $"unexpected {token.Describe()}");

    private FormulaException Error(int column, string reason) => new(_text, column, reason);
}
