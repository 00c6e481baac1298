using System.Diagnostics.CodeAnalysis;

namespace ScalingLaws.Fitting;

/// <summary>Builds and checks the n × width row caches of <see cref="IRowCachedLaw"/>.</summary>
internal static class RowCache
{
    /// <summary>The cache of every row of <paramref name="data"/>, row-major.</summary>
    public static double[] Build(IRowCachedLaw law, FitData data)
    {
        int width = law.CacheWidth;
        var cache = new double[data.Count * width];
        for (int i = 0; i < data.Count; i++) law.FillCache(data.Row(i), cache.AsSpan(i * width, width));
        return cache;
    }

    /// <summary>Throws unless the spans of a batch evaluation fit together.</summary>
    public static void Check(int parameterCount, int width, int parametersLength, int cacheLength, int rows, int gradientLength = -1)
    {
        if (parametersLength != parameterCount) Throw("parameters", parameterCount, parametersLength);
        if (cacheLength != (long)rows * width) Throw("cache", rows * width, cacheLength);
        if (gradientLength >= 0 && gradientLength != (long)rows * parameterCount) Throw("gradient", rows * parameterCount, gradientLength);
    }

    /// <summary>Throws unless <paramref name="cacheLength"/> equals the width.</summary>
    public static void CheckRow(int width, int variableCount, int xLength, int cacheLength)
    {
        if (xLength != variableCount) Throw("x", variableCount, xLength);
        if (cacheLength != width) Throw("cache", width, cacheLength);
    }

    [DoesNotReturn]
    private static void Throw(string argument, int expected, int actual) =>
        throw new ArgumentException($"Expected {expected} values, got {actual}.", argument);
}
