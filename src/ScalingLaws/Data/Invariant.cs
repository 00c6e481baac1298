using System.Globalization;

namespace ScalingLaws.Data;

/// <summary>Culture-invariant formatting of numbers in messages.</summary>
internal static class Invariant
{
    /// <summary>The round-trip invariant form of <paramref name="value"/>.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
