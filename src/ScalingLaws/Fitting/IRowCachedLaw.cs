namespace ScalingLaws.Fitting;

/// <summary>
/// A law that splits its work into what depends on the data alone and what depends on the
/// parameters. <see cref="FillCache"/> computes, once per data row, the values that depend only on
/// the variables (log N, x², …); the batch evaluations then read those instead of x, and compute what
/// depends only on the parameters once per call rather than once per row. The batch results equal
/// the law's own <see cref="IScalingLaw.Evaluate"/> and
/// <see cref="IScalingLaw.EvaluateWithGradient"/> bit for bit. Thread-safe; allocation-free.
/// </summary>
internal interface IRowCachedLaw
{
    /// <summary>Doubles per row of the cache (may be 0).</summary>
    int CacheWidth { get; }

    /// <summary>Fills one row of the cache.</summary>
    /// <param name="x">One value per variable of the law.</param>
    /// <param name="cache">Receives <see cref="CacheWidth"/> values.</param>
    void FillCache(ReadOnlySpan<double> x, Span<double> cache);

    /// <summary>f(θ; xᵢ) for every row i of <paramref name="cache"/>.</summary>
    /// <param name="parameters">θ, one value per parameter.</param>
    /// <param name="cache">n rows of <see cref="CacheWidth"/> values, row-major.</param>
    /// <param name="values">Receives n values; n is its length.</param>
    void EvaluateRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values);

    /// <summary>f(θ; xᵢ) and ∂f/∂θⱼ for every row i of <paramref name="cache"/>.</summary>
    /// <param name="parameters">θ, one value per parameter.</param>
    /// <param name="cache">n rows of <see cref="CacheWidth"/> values, row-major.</param>
    /// <param name="values">Receives n values; n is its length.</param>
    /// <param name="gradient">Receives ∂f/∂θⱼ of row i at [j·n + i] (column-major, p × n).</param>
    void EvaluateRowsWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values, Span<double> gradient);
}
