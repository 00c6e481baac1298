namespace ScalingLaws.Data;

/// <summary>Finds the known name closest to a mistyped one (Levenshtein distance, case-insensitive).</summary>
internal static class ClosestName
{
    /// <summary>The closest candidate, or null when none is within half the length of the input (at least 2 edits).</summary>
    public static string? Find(string input, IEnumerable<string> candidates)
    {
        string needle = input.Trim().ToLowerInvariant();
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = Distance(needle, candidate.ToLowerInvariant());
            if (candidate.Contains(needle, StringComparison.OrdinalIgnoreCase) && needle.Length >= 3) distance = Math.Min(distance, 1);
            if (distance < bestDistance) { bestDistance = distance; best = candidate; }
        }
        return bestDistance <= Math.Max(2, needle.Length / 2) ? best : null;
    }

    /// <summary>Levenshtein edit distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
