using System.Text.RegularExpressions;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Glob-style name patterns with <c>*</c> (any run of characters).</summary>
internal static class Patterns
{
    /// <summary>Names matching <paramref name="pattern"/>, in their original order.</summary>
    public static IEnumerable<string> Match(string pattern, IEnumerable<string> names)
    {
        var regex = new Regex("^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);
        return names.Where(n => regex.IsMatch(n));
    }
}
