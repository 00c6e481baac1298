namespace ScalingLaws.Expressions;

/// <summary>Fills one row of a row cache (see <see cref="RowCacheLayout"/>) from one row of variables.</summary>
internal unsafe delegate void RowCacheKernel(double* variables, double* cache);
