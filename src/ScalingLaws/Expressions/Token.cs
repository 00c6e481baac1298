namespace ScalingLaws.Expressions;

/// <summary>One token of a formula, with its 1-based column.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Column, double Number = 0)
{
    /// <summary>The token as an error message names it: <c>'*'</c> or <c>end of formula</c>.</summary>
    public string Describe() => Kind == TokenKind.End ? "end of formula" : $"'{Text}'";
}
