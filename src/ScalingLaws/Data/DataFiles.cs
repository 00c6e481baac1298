namespace ScalingLaws.Data;

/// <summary>Opening input files with clear errors.</summary>
internal static class DataFiles
{
    /// <summary>Opens a text file (UTF-8 unless a byte order mark says otherwise).</summary>
    /// <exception cref="DataException">The path is missing, a directory, or unreadable.</exception>
    public static StreamReader OpenText(string path)
    {
        RequireFile(path);
        try
        {
            return new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"cannot be read: {e.Message}", path, innerException: e);
        }
    }

    /// <summary>Throws unless <paramref name="path"/> is an existing file.</summary>
    public static void RequireFile(string path)
    {
        if (File.Exists(path)) return;
        if (Directory.Exists(path))
            throw new DataException("is a directory, not a file.", path);
        throw new DataException($"file not found (looked for '{Path.GetFullPath(path)}').", path);
    }
}
