namespace ScalingLaws.Tests;

/// <summary>
/// A noisy log of Chinchilla shape for engine tests: N log-uniform in [10⁷, 10¹⁰], D in [10⁹, 10¹²] (x holds N, D
/// per row), L = (1.7 + 400·N^−0.34 + 410·D^−0.28)·(1 + noise·(u − ½)), every <c>outlierEvery</c>-th row (from
/// row 0) ×1.3 when it is positive; weights from <c>weight(i, random)</c> when given, drawn after the row's loss.
/// </summary>
internal static class ChinchillaShapedLog
{
    /// <summary>The log's x (N, D per row), y and weights (empty without <paramref name="weight"/>).</summary>
    public static (double[] X, double[] Y, double[] W) Create(int rows, int seed, double noise, int outlierEvery = 0,
        Func<int, Random, double>? weight = null)
    {
        var random = new Random(seed);
        var x = new double[2 * rows];
        var y = new double[rows];
        var w = weight is null ? [] : new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double size = Math.Pow(10, 7 + 3 * random.NextDouble()), tokens = Math.Pow(10, 9 + 3 * random.NextDouble());
            x[2 * i] = size; x[2 * i + 1] = tokens;
            y[i] = (1.7 + 400 * Math.Pow(size, -0.34) + 410 * Math.Pow(tokens, -0.28)) * (1 + noise * (random.NextDouble() - 0.5));
            if (outlierEvery > 0 && i % outlierEvery == 0) y[i] *= 1.3;
            if (weight is not null) w[i] = weight(i, random);
        }
        return (x, y, w);
    }
}
