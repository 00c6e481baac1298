using ScalingLaws.Fitting;
using ScalingLaws.Serialization;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Reads <c>--fit</c> files into fit results.</summary>
public static class SavedFits
{
    /// <summary>Every fit in the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<FitResult> Load(string path, string option = "--fit")
    {
        if (!File.Exists(path)) throw new CliException($"Option '{option}': file '{path}' does not exist.");
        string json;
        try { json = File.ReadAllText(path); }
        catch (IOException e) { throw new CliException($"Option '{option}': cannot read '{path}': {e.Message}"); }
        return SavedFit.ReadAll(json, path).Select(s => s.ToFitResult()).ToList();
    }
}
