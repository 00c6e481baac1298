namespace ScalingLaws.Expressions;

/// <summary>Kinds of formula tokens.</summary>
internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    Power,
    LeftParenthesis,
    RightParenthesis,
    Comma,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
    End,
}
