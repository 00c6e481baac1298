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
        Node left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            Token op = Advance();
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = Make(new BinaryNode(kind, left, ParseMultiplicative()), op);
        }
        return left;
    }

    private Node ParseMultiplicative()
    {
        Node left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            Token op = Advance();
            var kind = op.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide;
            left = Make(new BinaryNode(kind, left, ParseUnary()), op);
        }
        return left;
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
