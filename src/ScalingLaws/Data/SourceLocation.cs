using System.Globalization;

namespace ScalingLaws.Data;

/// <summary>Where a row of a <see cref="RunTable"/> came from: a file (or source name) and a 1-based line.</summary>
/// <param name="File">File path or source name as given to the reader.</param>
/// <param name="Line">1-based line of the row in that file.</param>
public readonly record struct SourceLocation(string File, int Line)
{
    /// <summary>The location as <c>file:line</c>.</summary>
    public override string ToString() => File + ":" + Line.ToString(CultureInfo.InvariantCulture);
}
