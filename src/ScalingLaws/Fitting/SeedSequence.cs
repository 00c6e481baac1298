namespace ScalingLaws.Fitting;

/// <summary>
/// Derives independent 32-bit seeds for parallel tasks from one user seed (SplitMix64 finaliser), so a
/// task's random stream depends only on (seed, task index), never on the thread that runs it.
/// </summary>
internal static class SeedSequence
{
    /// <summary>The seed of task <paramref name="index"/> under user seed <paramref name="seed"/>.</summary>
    public static int Derive(int seed, long index, ulong stream = 0)
    {
        ulong z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)index * 0xBF58476D1CE4E5B9UL + stream * 0x94D049BB133111EBUL + 0x2545F4914F6CDD1DUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)(z & 0x7FFFFFFF));
    }
}
