using System.Collections.Immutable;

namespace ScalingLaws.Optimization.Compute;

/// <summary>A compute-optimal split of a compute budget C into model size N and training tokens D.</summary>
[ScalingLaws.Display.TypeFormatterSource(typeof(ScalingLaws.Display.NotebookFormatters))]
public sealed record BudgetAllocation
{
    /// <summary>The compute budget C (FLOPs, in the unit of the cost function; 6ND by default).</summary>
    public required double Compute { get; init; }

    /// <summary>N_opt, parameters.</summary>
    public required double ModelSize { get; init; }

    /// <summary>D_opt, tokens.</summary>
    public required double Tokens { get; init; }

    /// <summary>The predicted loss at (N_opt, D_opt).</summary>
    public required double Loss { get; init; }

    /// <summary>Closed form or numeric.</summary>
    public required AllocationMethod Method { get; init; }

    /// <summary>True when the numeric minimum lies at an end of the searched range of N (widen it; see <see cref="AllocationOptions"/>).</summary>
    public bool AtRangeLimit { get; init; }

    /// <summary>Every variable of the law at the optimum (N, D and the fixed ones).</summary>
    public ImmutableDictionary<string, double> Variables { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>For the closed form, a = β/(α+β) in N_opt ∝ C^a; otherwise null.</summary>
    public double? ModelSizeExponent { get; init; }

    /// <summary>For the closed form, b = α/(α+β) in D_opt ∝ C^b; otherwise null.</summary>
    public double? TokensExponent { get; init; }

    /// <summary>For the closed form, G = (αA/(βB))^(1/(α+β)); otherwise null.</summary>
    public double? Coefficient { get; init; }

    /// <summary>D_opt / N_opt.</summary>
    public double TokensPerParameter => Tokens / ModelSize;
}
