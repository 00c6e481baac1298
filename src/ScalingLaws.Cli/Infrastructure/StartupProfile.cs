using System.Runtime;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// Multi-core just-in-time compilation for the tool's process (<see cref="ProfileOptimization"/>): each command
/// records the methods it compiles just in time (those the precompiled images do not hold) in
/// <c>COMMAND.jitprofile</c>, and the next runs of that command compile them on another core while the first
/// core starts the command, so repeated calls (shell loops, job arrays) start sooner. The folder is
/// <c>$SCALING_LAWS_JIT_PROFILE</c> when set (<c>off</c> turns this off), else <c>$XDG_CACHE_HOME/scaling-laws/jit</c>,
/// else <c>~/.cache/scaling-laws/jit</c>; when it cannot be created the tool runs without a profile. Results never
/// depend on it.
/// </summary>
internal static class StartupProfile
{
    /// <summary>The environment variable naming the folder (or <c>off</c>).</summary>
    public const string Variable = "SCALING_LAWS_JIT_PROFILE";

    /// <summary>Starts recording (and playing back) the profile of the command in <paramref name="args"/>.</summary>
    public static void Start(IReadOnlyList<string> args)
    {
        string? name = FileName(args);
        string? folder = name is null ? null : Folder(Environment.GetEnvironmentVariable);
        if (folder is null) return;
        try { Directory.CreateDirectory(folder); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException) { return; }
        ProfileOptimization.SetProfileRoot(folder);
        ProfileOptimization.StartProfile(name);
    }

    /// <summary>The profile folder from the environment (<paramref name="environment"/> reads a variable), or null when turned off or unknown.</summary>
    public static string? Folder(Func<string, string?> environment)
    {
        string? chosen = environment(Variable);
        if (!string.IsNullOrEmpty(chosen)) return string.Equals(chosen, "off", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFullPath(chosen);
        string? cache = environment("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache) || !Path.IsPathRooted(cache))
        {
            string? home = environment("HOME");
            if (string.IsNullOrEmpty(home) || !Path.IsPathRooted(home)) return null;
            cache = Path.Combine(home, ".cache");
        }
        return Path.Combine(cache, "scaling-laws", "jit");
    }

    /// <summary>
    /// <c>COMMAND.jitprofile</c> when the first argument names a command (lower-case letters and dashes), else null:
    /// <c>--version</c>, <c>--help</c> and mistakes compile too little to gain from a profile.
    /// </summary>
    public static string? FileName(IReadOnlyList<string> args)
    {
        string command = args.Count > 0 ? args[0] : "";
        bool named = command.Length is > 0 and <= 32 && char.IsAsciiLetterLower(command[0]);
        foreach (char c in command) named &= char.IsAsciiLetterLower(c) || c == '-';
        return named ? command + ".jitprofile" : null;
    }
}
