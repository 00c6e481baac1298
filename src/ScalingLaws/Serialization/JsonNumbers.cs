namespace ScalingLaws.Serialization;

/// <summary>
/// Number rules of the documents beyond <c>FiniteNumberConverter</c> (round-trip format, non-finite as <c>null</c>): durations
/// are written as their milliseconds (<see cref="TimeSpan.TotalMilliseconds"/>) and read back to the nearest tick.
/// </summary>
public static class JsonNumbers
{
    /// <summary>
    /// The duration written as <paramref name="milliseconds"/>, rounded to the nearest tick so that writing it again gives the
    /// same number (<see cref="TimeSpan.FromMilliseconds(double)"/> alone loses a tick on about 6 % of durations); a number
    /// that is not finite (written <c>null</c>) reads as zero.
    /// </summary>
    /// <param name="milliseconds">The written number.</param>
    public static TimeSpan Duration(double milliseconds) =>
        double.IsFinite(milliseconds) ? TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond)) : TimeSpan.Zero;
}
