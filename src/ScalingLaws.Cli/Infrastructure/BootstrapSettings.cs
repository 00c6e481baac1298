using System.CommandLine;
using System.Globalization;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// <c>--bootstrap R</c> and <c>--confidence LEVEL</c> of <c>fit</c>: R case-resampling refits give percentile
/// intervals [q((1 − LEVEL)/2), q((1 + LEVEL)/2)] and bootstrap standard errors for every parameter.
/// </summary>
internal sealed class BootstrapSettings
{
    /// <summary><c>--bootstrap R</c>: the number of replicates (none by default).</summary>
    public Option<int?> Replicates { get; } = new("--bootstrap")
    {
        Description = "After the fit, refit R resamples of the rows (drawn with replacement, seeded by --seed) and report percentile intervals and bootstrap standard errors (R ≥ 2)",
    };

    /// <summary><c>--confidence LEVEL</c>: coverage of the intervals, default 0.95.</summary>
    public Option<double?> Confidence { get; } = new("--confidence")
    {
        Description = "Coverage of the bootstrap intervals, in (0, 1) (default 0.95)",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Replicates);
        command.Add(Confidence);
    }

    /// <summary>
    /// The bootstrap options, or null when <c>--bootstrap</c> is absent; replicate r is drawn with a seed derived
    /// from <paramref name="seed"/> and r, so the result does not depend on <paramref name="threads"/>.
    /// </summary>
    /// <exception cref="CliException">R &lt; 2, LEVEL outside (0, 1), or <c>--confidence</c> without <c>--bootstrap</c>.</exception>
    public BootstrapOptions? Build(ParseResult parse, int seed, int threads)
    {
        int? replicates = parse.GetValue(Replicates);
        double? confidence = parse.GetValue(Confidence);
        if (confidence is double level && !(level > 0 && level < 1))
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"Option '--confidence': {level} must lie strictly between 0 and 1, e.g. 0.95."));
        if (replicates is null)
        {
            if (confidence is not null) throw new CliException("Option '--confidence' needs '--bootstrap R' (the intervals come from R refits).");
            return null;
        }
        if (replicates < 2) throw new CliException($"Option '--bootstrap': {replicates} replicates are too few; give R ≥ 2 (hundreds to thousands for stable 95 % intervals).");
        return new BootstrapOptions
        {
            Replicates = replicates.Value,
            Level = confidence ?? BootstrapOptions.Default.Level,
            Seed = seed,
            MaxDegreeOfParallelism = threads,
        };
    }
}
