using System.Globalization;
using System.Text.RegularExpressions;

namespace ScalingLaws.Data;

/// <summary>One parsed line of a mixinglaws log: which run and step, which validation domain, what loss.</summary>
internal sealed partial record MixingLawsCheckpoint(
    string Size, string RunKey, double RunId, double[] Proportions, int Step, bool IsBase, string Domain, double Loss)
{
    /// <summary>Parses a line, or returns null for a checkpoint without a numeric step (<c>last</c>).</summary>
    public static MixingLawsCheckpoint? Parse(string line, string file, int lineNumber, string? fileSize)
    {
        var fields = line.Split('\t');
        if (fields.Length != 3) fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3)
            throw new DataException(
                $"expected 3 tab-separated fields (checkpoint path, validation file, loss) but found {fields.Length}.", file, lineNumber);
        var (checkpoint, validFile, lossText) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim());
        if (!double.TryParse(lossText, NumberStyles.Float, CultureInfo.InvariantCulture, out double loss))
            throw new DataException(CellMessages.NotANumber(lossText, "loss"), file, lineNumber, 3);
        string domain = DomainOf(validFile, file, lineNumber);

        var segments = checkpoint.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) throw new DataException("the checkpoint path is empty.", file, lineNumber, 1);
        var baseModel = BaseModel().Match(segments[^1]);
        if (baseModel.Success)
        {
            string baseSize = NormalizeSize(baseModel.Groups[1].Value);
            CheckSize(baseSize, fileSize, checkpoint, file, lineNumber);
            return new MixingLawsCheckpoint(baseSize, segments[^1], double.NaN, [], 0, true, domain, loss);
        }
        if (segments.Length < 2)
            throw new DataException($"cannot read checkpoint '{checkpoint}': expected '.../<run>/<step>'.", file, lineNumber, 1);
        string stepText = segments[^1];
        if (stepText.Equals("last", StringComparison.OrdinalIgnoreCase)) return null;
        if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out int step))
            throw new DataException($"cannot read the step '{stepText}' of checkpoint '{checkpoint}': expected a whole number.", file, lineNumber, 1);

        string run = segments[^2];
        var parts = JoinExponents(run.Split('-'));
        var head = parts[0].Split('_');
        if (!int.TryParse(head[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            throw new DataException(
                $"cannot read the run id of checkpoint '{checkpoint}': expected '<size>_<tag>_<id>-<p1>-…' with a whole-number id.", file, lineNumber, 1);
        string? size = head.Length >= 2 && SizeToken().IsMatch(head[0]) ? NormalizeSize(head[0]) : null;
        CheckSize(size, fileSize, checkpoint, file, lineNumber);
        size ??= fileSize ?? throw new DataException(
            $"checkpoint '{checkpoint}' names no model size and the file name is not a size such as 70M.txt.", file, lineNumber, 1);
        var proportions = new double[parts.Count - 1];
        for (int k = 1; k < parts.Count; k++)
            if (!double.TryParse(parts[k], NumberStyles.Float, CultureInfo.InvariantCulture, out proportions[k - 1]))
                throw new DataException($"cannot read mixture proportion '{parts[k]}' of checkpoint '{checkpoint}'.", file, lineNumber, 1);
        return new MixingLawsCheckpoint(size, run, id, proportions, step, false, domain, loss);
    }

    /// <summary><c>70M</c>, <c>1B</c>: the size written upper-case.</summary>
    public static string NormalizeSize(string size) => size.ToUpperInvariant();

    /// <summary>Whether text is a model size such as <c>70M</c> or <c>1B</c>.</summary>
    public static bool IsSize(string text) => SizeToken().IsMatch(text);

    private static void CheckSize(string? size, string? fileSize, string checkpoint, string file, int line)
    {
        if (size is not null && fileSize is not null && size != fileSize)
            throw new DataException($"checkpoint '{checkpoint}' is a {size} model but the file is named for {fileSize}.", file, line, 1);
    }

    /// <summary><c>pythia-pile.valid.Github.bin</c> → Github; <c>starcoder.python.valid.bin</c> → python.</summary>
    private static string DomainOf(string validFile, string file, int line)
    {
        var name = validFile.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var parts = name.Split('.').ToList();
        if (parts.Count > 0 && parts[^1] == "bin") parts.RemoveAt(parts.Count - 1);
        int valid = parts.LastIndexOf("valid");
        string? domain = valid >= 0 && valid < parts.Count - 1 ? string.Join('.', parts.Skip(valid + 1))
            : valid > 0 ? parts[valid - 1]
            : null;
        if (string.IsNullOrEmpty(domain))
            throw new DataException($"cannot read the validation domain from '{validFile}': expected '….valid.<Domain>.bin'.", file, line, 2);
        return domain;
    }

    private static List<string> JoinExponents(string[] parts)
    {
        var joined = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (joined.Count > 1 && joined[^1].Length > 0 && (joined[^1][^1] is 'e' or 'E')) joined[^1] += "-" + part;
            else joined.Add(part);
        }
        return joined;
    }

    [GeneratedRegex(@"^pythia_(\d+(?:\.\d+)?[mMbB])_step\d+$")]
    private static partial Regex BaseModel();

    [GeneratedRegex(@"^\d+(\.\d+)?[kKmMbB]$")]
    private static partial Regex SizeToken();
}
