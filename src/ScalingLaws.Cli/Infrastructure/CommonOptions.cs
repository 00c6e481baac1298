using System.CommandLine;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Options shared by several commands, so names and help read the same everywhere.</summary>
internal static class CommonOptions
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
        Description = "Write the result to FILE instead of standard output (a regular file is replaced atomically; a device, FIFO or '-' is streamed to); its folder must exist",
    };

    /// <summary><c>--seed S</c>.</summary>
    public static Option<int> Seed() => new("--seed")
    {
        Description = "Seed for everything random (random starts, resampling); results are identical for the same seed",
        DefaultValueFactory = _ => 0,
    };

    /// <summary><c>--threads N</c>.</summary>
    public static Option<int> Threads()
    {
        var option = new Option<int>("--threads")
        {
            Description = "Threads for multi-start and resampling (-1: all cores); results do not depend on it",
            DefaultValueFactory = _ => -1,
        };
        option.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value == 0 || value < -1) result.AddError($"Option '--threads': {value} must be -1 (all cores) or a count ≥ 1.");
        });
        return option;
    }
}
