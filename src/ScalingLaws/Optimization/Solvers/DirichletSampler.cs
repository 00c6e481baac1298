namespace ScalingLaws.Optimization.Solvers;

/// <summary>Seeded Dirichlet samples (normalised Gamma variates; Marsaglia–Tsang for the Gamma draws).</summary>
internal static class DirichletSampler
{
    /// <summary>Writes one Dirichlet(<paramref name="concentration"/>·1) sample into <paramref name="result"/>.</summary>
    public static void Sample(Random random, double concentration, Span<double> result)
    {
        double sum = 0;
        for (int j = 0; j < result.Length; j++)
        {
            result[j] = Gamma(random, concentration);
            sum += result[j];
        }
        if (!(sum > 0))
        {
            result.Clear();
            result[random.Next(result.Length)] = 1;
            return;
        }
        for (int j = 0; j < result.Length; j++) result[j] /= sum;
    }

    /// <summary>A Gamma(<paramref name="shape"/>, 1) variate.</summary>
    public static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            double u = random.NextDouble();
            return Gamma(random, shape + 1) * Math.Pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    private static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
