namespace ScalingLaws.Expressions;

/// <summary>
/// The emitted code of one node: where its value is, and its nonzero partial derivatives by
/// parameter index (absent means structurally zero).
/// </summary>
internal sealed record NodeCode(Operand Value, SortedDictionary<int, Operand> Partials)
{
    public static NodeCode Constant(double value) => new(Operand.Of(value), []);

    public Operand Partial(int parameter) => Partials.TryGetValue(parameter, out var d) ? d : Operand.Of(0);
}
