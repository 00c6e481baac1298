namespace ScalingLaws.Expressions;

/// <summary>
/// Compiled formula over many rows of a row cache (see <see cref="RowCacheLayout"/>): reads the
/// parameters and <paramref name="rows"/> rows of <paramref name="cache"/> (row-major, one layout
/// width per row), writes one value per row to <paramref name="values"/> and, when the kernel was
/// compiled with a gradient, ∂f/∂θⱼ of row i to <paramref name="gradient"/>[j·rows + i].
/// </summary>
internal unsafe delegate void RowsKernel(double* parameters, double* cache, int rows, double* values, double* gradient);
