using System.Collections.Immutable;
using System.CommandLine;
using ScalingLaws.Fitting;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>The fitting options of <c>fit</c> (and of commands that refit): starts, bounds, loss, space, tolerances.</summary>
internal sealed class FitSettings
{
    /// <summary><c>--start</c>.</summary>
    public Option<string?> Start { get; } = new("--start") { Description = "Initial values, e.g. --start alpha=0.3,E=1.7" };

    /// <summary><c>--bounds</c>.</summary>
    public Option<string?> Bounds { get; } = new("--bounds") { Description = "Box bounds, e.g. --bounds alpha=0:1,E=0: (an empty end is unbounded)" };

    /// <summary><c>--fix</c>.</summary>
    public Option<string?> Fix { get; } = new("--fix") { Description = "Hold parameters fixed, e.g. --fix alpha=0.34" };

    /// <summary><c>--loss</c>.</summary>
    public Option<string?> Loss { get; } = new("--loss")
    {
        Description = "Robust loss: l2 | huber:DELTA | soft-l1:SCALE | cauchy:SCALE (default: the law's recipe; l2 for formulas)",
    };

    /// <summary><c>--space</c>.</summary>
    public Option<string?> Space { get; } = new("--space")
    {
        Description = "Residual space: linear (f − y) or log (log f − log y) (default: the law's recipe; linear for formulas)",
    };

    /// <summary><c>--grid</c>.</summary>
    public Option<string?> Grid { get; } = new("--grid")
    {
        Description = "Multi-start grid, e.g. --grid alpha=0:2:0.5,beta=0:2:0.5 (Cartesian product; other parameters at their initial values)",
    };

    /// <summary><c>--starts</c>.</summary>
    public Option<int?> Starts { get; } = new("--starts") { Description = "N seeded quasi-random starts inside the bounds (or around the initial values)" };

    /// <summary><c>--max-iterations</c>.</summary>
    public Option<int?> MaxIterations { get; } = new("--max-iterations") { Description = "Maximum trial steps per start (default 50000)" };

    /// <summary><c>--no-screening</c>.</summary>
    public Option<bool> NoScreening { get; } = new("--no-screening")
    {
        Description = "Run every start to convergence (default: with more than 64 starts, 10 steps each, then the best 64 continue)",
    };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Start, Bounds, Fix, Loss, Space, Grid, Starts, MaxIterations, NoScreening }) command.Add(o);
    }

    /// <summary>Builds <see cref="FitOptions"/> from the parsed options.</summary>
    public FitOptions Build(ParseResult parse, int seed, int threads, CancellationToken cancellation)
    {
        var options = new FitOptions
        {
            Initial = OptionParser.Assignments(parse.GetValue(Start), "--start"),
            Fixed = OptionParser.Assignments(parse.GetValue(Fix), "--fix"),
            Bounds = OptionParser.Bounds(parse.GetValue(Bounds), "--bounds"),
            Seed = seed,
            MaxDegreeOfParallelism = threads,
            CancellationToken = cancellation,
        };
        if (parse.GetValue(Loss) is { } loss)
        {
            try { options = options with { Loss = RobustLoss.Parse(loss) }; }
            catch (FormatException e) { throw new CliException($"Option '--loss': {e.Message}"); }
        }
        if (parse.GetValue(Space) is { } space)
            options = options with
            {
                Space = space.Trim().ToLowerInvariant() switch
                {
                    "linear" => ResidualSpace.Linear,
                    "log" => ResidualSpace.Log,
                    _ => throw new CliException($"Option '--space': '{space}' is not one of linear, log."),
                },
            };
        var grid = OptionParser.Grid(parse.GetValue(Grid), "--grid");
        int? starts = parse.GetValue(Starts);
        if (grid.Length > 0 && starts is not null) throw new CliException("Options '--grid' and '--starts' cannot be combined; choose one.");
        if (grid.Length > 0) options = options with { Starts = new GridStarts(grid) };
        else if (starts is int n)
        {
            if (n < 1 || n > StartPoints.MaxCount) throw new CliException($"Option '--starts': {n} must be between 1 and {StartPoints.MaxCount:N0}.");
            options = options with { Starts = new RandomStarts(n) };
        }
        if (parse.GetValue(MaxIterations) is int max)
        {
            if (max < 1) throw new CliException($"Option '--max-iterations': {max} must be ≥ 1.");
            options = options with { MaxIterations = max };
        }
        if (parse.GetValue(NoScreening)) options = options with { Screening = null };
        return options;
    }
}
