using System.Collections.Immutable;

namespace ScalingLaws.Expressions;

/// <summary>The parser's output: the tree and the names it uses, with the column where each first appears.</summary>
internal sealed record ParsedFormula(Node Root, ImmutableArray<string> Identifiers, ImmutableDictionary<string, int> FirstColumns);
