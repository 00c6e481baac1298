namespace ScalingLaws.Validation;

/// <summary>Seeded permutations for splits (Fisher–Yates on <see cref="System.Random"/> with a fixed seed).</summary>
internal static class Shuffle
{
    /// <summary>A permutation of 0…n−1 that depends only on <paramref name="n"/> and <paramref name="seed"/>.</summary>
    public static int[] Permutation(int n, int seed)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var random = new Random(seed);
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
