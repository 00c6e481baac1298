using ScalingLaws.Fitting;
using ScalingLaws.Serialization;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Reads <c>--fit</c> files through the one fit reader (<see cref="FitJson.Read"/>).</summary>
internal static class SavedFits
{
    /// <summary>Every fit in the file at <paramref name="path"/>, with its column binding.</summary>
    /// <exception cref="CliException">The file is missing or unreadable.</exception>
    /// <exception cref="FormatException">The file is not a valid fit document (the message names it).</exception>
    public static IReadOnlyList<SavedFit> Read(string path, string option = "--fit")
    {
        if (!File.Exists(path)) throw new CliException($"Option '{option}': file '{path}' does not exist.");
        string json;
        try { json = File.ReadAllText(path); }
        catch (IOException e) { throw new CliException($"Option '{option}': cannot read '{path}': {e.Message}"); }
        return FitJson.Read(json, path);
    }

    /// <summary>The fits recorded in the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<FitResult> Load(string path, string option = "--fit") => [.. Read(path, option).Select(s => s.Fit)];
}
