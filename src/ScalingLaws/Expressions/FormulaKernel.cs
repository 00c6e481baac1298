namespace ScalingLaws.Expressions;

/// <summary>
/// Compiled formula: reads parameters and variables by index, returns the value and, when
/// <paramref name="gradient"/> is not null (and the kernel was compiled with a gradient), writes
/// one partial derivative per parameter.
/// </summary>
internal unsafe delegate double FormulaKernel(double* parameters, double* variables, double* gradient);
