using System.Collections.Immutable;

namespace ScalingLaws.Design;

/// <summary>
/// Model sizes × budgets. Each size N is paired with token counts D from exactly one kind of budget: IsoFLOP
/// compute budgets C (D = C/(6N)), tokens-per-parameter ratios r (D = r·N), or token counts D. Constant-learning-rate
/// runs are read at fractions of D (<see cref="ReadFractions"/>), so one run yields several (N, D) points at the cost of 6·N·D.
/// </summary>
public sealed record ComputeGrid
{
    /// <summary>Model sizes N (parameters, &gt; 0). Required.</summary>
    public required ImmutableArray<double> ModelSizes { get; init; }

    /// <summary>IsoFLOP compute budgets C (FLOP, &gt; 0): D = C/(6N). Default none.</summary>
    public ImmutableArray<double> ComputeBudgets { get; init; } = ImmutableArray<double>.Empty;

    /// <summary>Tokens-per-parameter ratios r (&gt; 0): D = r·N. Default none.</summary>
    public ImmutableArray<double> TokensPerParameter { get; init; } = ImmutableArray<double>.Empty;

    /// <summary>Token counts D (&gt; 0). Default none.</summary>
    public ImmutableArray<double> Tokens { get; init; } = ImmutableArray<double>.Empty;

    /// <summary>Fractions of D in (0, 1] at which each run is read (constant learning rate); empty (default): read at D only.</summary>
    public ImmutableArray<double> ReadFractions { get; init; } = ImmutableArray<double>.Empty;

    /// <summary>The (N, D, checkpoints) points, sizes outermost, budgets in the order given.</summary>
    /// <exception cref="ArgumentException">No size, not exactly one kind of budget, or a value out of range.</exception>
    public ImmutableArray<(double ModelSize, double Tokens, ImmutableArray<double> Checkpoints)> Points()
    {
        if (ModelSizes.IsDefaultOrEmpty) throw new ArgumentException("The compute grid needs at least one model size.");
        int kinds = (ComputeBudgets.IsDefaultOrEmpty ? 0 : 1) + (TokensPerParameter.IsDefaultOrEmpty ? 0 : 1) + (Tokens.IsDefaultOrEmpty ? 0 : 1);
        if (kinds != 1) throw new ArgumentException("Give exactly one kind of budget: compute budgets C, tokens-per-parameter ratios, or token counts D.");
        Positive(ModelSizes, "model size");
        Positive(ComputeBudgets, "compute budget");
        Positive(TokensPerParameter, "tokens-per-parameter ratio");
        Positive(Tokens, "token count");
        var fractions = ReadFractions.IsDefaultOrEmpty ? [] : ReadFractions.Order().ToImmutableArray();
        foreach (double f in fractions)
            if (!(f > 0 && f <= 1)) throw new ArgumentException($"A read fraction must lie in (0, 1] (got {f}).");
        var result = ImmutableArray.CreateBuilder<(double, double, ImmutableArray<double>)>();
        foreach (double n in ModelSizes)
        {
            IEnumerable<double> tokens = !ComputeBudgets.IsDefaultOrEmpty ? ComputeBudgets.Select(c => c / (6 * n))
                : !TokensPerParameter.IsDefaultOrEmpty ? TokensPerParameter.Select(r => r * n) : Tokens;
            foreach (double d in tokens)
                result.Add((n, d, fractions.Select(f => f * d).ToImmutableArray()));
        }
        return result.ToImmutable();
    }

    private static void Positive(ImmutableArray<double> values, string what)
    {
        if (values.IsDefault) return;
        foreach (double v in values)
            if (!(v > 0) || !double.IsFinite(v)) throw new ArgumentException($"A {what} must be a finite number > 0 (got {v}).");
    }
}
