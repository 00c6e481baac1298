using System.CommandLine;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Options shared by several commands, so names and help read the same everywhere.</summary>
public static class CommonOptions
{
    /// <summary><c>--format table|json|csv</c>.</summary>
    public static Option<OutputFormat> Format() => new("--format", "-f")
    {
        Description = "Output format: table (human-readable), json (versioned) or csv",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    /// <summary><c>--output FILE</c>: write the result there (atomically) instead of stdout.</summary>
    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the result to FILE (atomically: a temporary file, then renamed) instead of standard output",
    };

    /// <summary><c>--seed S</c>.</summary>
    public static Option<int> Seed() => new("--seed")
    {
        Description = "Seed for everything random (random starts, resampling); results are identical for the same seed",
        DefaultValueFactory = _ => 0,
    };

    /// <summary><c>--threads N</c>.</summary>
    public static Option<int> Threads() => new("--threads")
    {
        Description = "Threads for multi-start and resampling (-1: all cores); results do not depend on it",
        DefaultValueFactory = _ => -1,
    };
}
