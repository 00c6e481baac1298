using System.Globalization;

namespace ScalingLaws.Expressions;

/// <summary>Splits formula text into tokens; whitespace is skipped.</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start + 1));
                continue;
            }
            tokens.Add(ReadOperator(text, ref i));
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
        return tokens;
    }

    private static Token ReadNumber(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-') i++;
            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
                throw new FormulaException(text, start + 1, $"malformed number '{text[start..i]}'");
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        string literal = text[start..i];
        double value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
            throw new FormulaException(text, start + 1, $"number '{literal}' is too large");
        return new Token(TokenKind.Number, literal, start + 1, value);
    }

    private static Token ReadOperator(string text, ref int i)
    {
        int column = i + 1;
        char c = text[i];
        char next = i + 1 < text.Length ? text[i + 1] : '\0';
        (TokenKind kind, int length) = (c, next) switch
        {
            ('*', '*') => (TokenKind.Power, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('&', '&') => (TokenKind.And, 2),
            ('|', '|') => (TokenKind.Or, 2),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('^', _) => (TokenKind.Power, 1),
            ('(', _) => (TokenKind.LeftParenthesis, 1),
            (')', _) => (TokenKind.RightParenthesis, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('=', _) => throw new FormulaException(text, column, "unexpected '=' (use '==' to compare)"),
            _ => throw new FormulaException(text, column, $"unexpected '{c}'"),
        };
        i += length;
        return new Token(kind, text.Substring(column - 1, length), column);
    }
}
