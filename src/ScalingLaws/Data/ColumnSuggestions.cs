namespace ScalingLaws.Data;

/// <summary>Builds "no such column" messages with close matches and the available names.</summary>
internal static class ColumnSuggestions
{
    private const int MaxListed = 40;

    /// <summary>The message for a column that is not there.</summary>
    public static string NoColumn(string name, IReadOnlyList<string> available, string? purpose = null)
    {
        var message = $"no column '{name}'";
        if (purpose is not null) message += " " + purpose;
        var close = Closest(name, available);
        message += close.Count > 0 ? "; did you mean " + string.Join(" or ", close.Select(c => $"'{c}'")) + "?" : ".";
        return message + " " + Available(available);
    }

    /// <summary>"Available columns: a, b, c." (shortened for wide tables).</summary>
    public static string Available(IReadOnlyList<string> available)
    {
        if (available.Count == 0) return "The table has no columns.";
        var shown = available.Take(MaxListed).Select(c => $"'{c}'");
        var text = "Available columns: " + string.Join(", ", shown);
        if (available.Count > MaxListed) text += $", … ({available.Count - MaxListed} more)";
        return text + ".";
    }

    /// <summary>Up to three names that match ignoring case and separators, else by small edit distance.</summary>
    public static IReadOnlyList<string> Closest(string name, IReadOnlyList<string> available)
    {
        var exactIgnoringCase = available.Where(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exactIgnoringCase.Count > 0) return exactIgnoringCase;
        string key = Normalize(name);
        var normalized = available.Where(a => Normalize(a) == key).ToList();
        if (normalized.Count > 0) return normalized;
        int limit = Math.Max(1, key.Length / 3);
        return available
            .Select(a => (Name: a, Distance: ClosestName.Distance(key, Normalize(a))))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3).Select(x => x.Name).ToList();
    }

    private static string Normalize(string s) =>
        new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
