using System.Collections.Immutable;

namespace ScalingLaws.Expressions;

/// <summary>
/// A <see cref="Formula"/> compiled over named values by <see cref="Formula.Compile"/>.
/// Immutable, thread-safe and allocation-free per evaluation.
/// </summary>
public sealed class CompiledFormula
{
    private readonly FormulaKernel _kernel;

    internal CompiledFormula(Formula formula, ImmutableArray<string> names, FormulaKernel kernel)
    {
        Formula = formula;
        Names = names;
        _kernel = kernel;
    }

    /// <summary>The formula compiled.</summary>
    public Formula Formula { get; }

    /// <summary>Names of the values <see cref="Evaluate"/> takes, in order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>Evaluates the formula; comparisons and logical operators give 1 (true) or 0 (false).</summary>
    /// <param name="values">One value per entry of <see cref="Names"/>.</param>
    /// <returns>The value of the formula.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> has the wrong length.</exception>
    public unsafe double Evaluate(ReadOnlySpan<double> values)
    {
        if (values.Length != Names.Length)
            throw new ArgumentException($"Expected {Names.Length} values ({string.Join(", ", Names)}), got {values.Length}.", nameof(values));
        fixed (double* v = values)
        {
            return _kernel(null, v, null);
        }
    }
}
