using System.Globalization;

namespace ScalingLaws.Optimization.Compute;

/// <summary>
/// The target run a mixture is chosen for: model size N (parameters) and training tokens D, each optional
/// (laws that do not read N or D, such as <c>data-mixing</c>, need neither). For a compute budget C instead,
/// see <see cref="BudgetAllocator.OptimizeWithMixture"/>.
/// </summary>
public sealed record TrainingBudget
{
    /// <summary>Creates a budget.</summary>
    /// <param name="modelSize">N in parameters, &gt; 0, or null.</param>
    /// <param name="tokens">D in tokens, &gt; 0, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not a positive finite number.</exception>
    public TrainingBudget(double? modelSize = null, double? tokens = null)
    {
        Check(modelSize, nameof(modelSize));
        Check(tokens, nameof(tokens));
        ModelSize = modelSize;
        Tokens = tokens;
    }

    /// <summary>No N and no D.</summary>
    public static TrainingBudget None { get; } = new();

    /// <summary>N and D.</summary>
    /// <param name="modelSize">N in parameters.</param>
    /// <param name="tokens">D in tokens.</param>
    public static TrainingBudget At(double modelSize, double tokens) => new(modelSize, tokens);

    /// <summary>N in parameters, or null.</summary>
    public double? ModelSize { get; }

    /// <summary>D in tokens, or null.</summary>
    public double? Tokens { get; }

    /// <summary>6·N·D FLOPs when both are given.</summary>
    public double? Compute => ModelSize is double n && Tokens is double d ? 6 * n * d : null;

    private static void Check(double? value, string name)
    {
        if (value is double v && !(v > 0 && double.IsFinite(v)))
            throw new ArgumentOutOfRangeException(name, v, string.Create(CultureInfo.InvariantCulture, $"{name} must be a positive finite number (got {v})."));
    }
}
