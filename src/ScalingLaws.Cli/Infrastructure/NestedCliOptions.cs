using System.Collections.Immutable;
using System.CommandLine;
using ScalingLaws.Data;
using ScalingLaws.Laws;
using ScalingLaws.Nested;
using ScalingLaws.Fitting;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// The options of <c>predict --nested</c> and <c>optimize --nested</c>: the target scale, the step range and
/// exponent sharing, the loss columns (or Pile groups from <c>--valid-weights</c>), the domain columns and the
/// mixture law; and how they become a table and <see cref="NestedOptions"/>.
/// </summary>
internal sealed class NestedCliOptions
{
    /// <summary><c>--nested</c>.</summary>
    public Option<bool> Nested { get; } = new("--nested")
    {
        Description = "Nested prediction from small runs (Ye et al.): step law per run, size law per mixture, mixture law at --target-scale",
    };

    /// <summary><c>--target-scale</c>.</summary>
    public Option<string?> TargetScale { get; } = new("--target-scale")
    {
        Description = "Target of --nested: \"N=8.06e8,step=100k\" (N in the data's units) or \"size=1B,step=100k\" (a mixinglaws model size)",
    };

    /// <summary><c>--step-range</c>.</summary>
    public Option<string?> StepRange { get; } = new("--step-range")
    {
        Description = "Logged steps the step law reads, MIN:MAX (either may be empty), e.g. 10k:30k as in Ye et al. Default: all",
    };

    /// <summary><c>--step-sharing</c>.</summary>
    public Option<string> StepSharing { get; } = new("--step-sharing")
    {
        Description = "Step-law curves sharing one exponent: size (every run of a size, default) or run (each run's losses, as Ye et al.'s run.sh)",
        DefaultValueFactory = _ => "size",
    };

    /// <summary><c>--valid-weights</c>.</summary>
    public Option<string?> ValidWeights { get; } = new("--valid-weights")
    {
        Description = "Pile valid_weight.json: predict the five Pile domain groups and their weighted total (default objective)",
    };

    /// <summary><c>--target</c> (loss columns; nested only).</summary>
    public Option<string?> Target { get; } = new("--target", "-t")
    {
        Description = "Loss column(s) to predict with --nested: a name or a pattern (\"loss_*\"); default the Pile groups with --valid-weights, else 'loss'",
    };

    /// <summary><c>--weights</c>.</summary>
    public Option<string?> Weights { get; } = new("--weights")
    {
        Description = "Domain-weight columns for --nested: a pattern (\"h_*\") or a list. Default: h_* or else w_*",
    };

    /// <summary><c>--law</c> (mixture law; nested only).</summary>
    public Option<string?> Law { get; } = new("--law")
    {
        Description = "Mixture law of --nested at the target scale (a catalogue law over the domain weights); default: per target, data-mixing or the linear mixture model, whichever has the smaller leave-one-mixture-out error",
    };

    /// <summary><c>--formula</c> (mixture law as a formula over the domain columns).</summary>
    public Option<string?> Formula { get; } = new("--formula")
    {
        Description = "Mixture law of --nested as a formula over the domain-weight columns",
    };

    /// <summary><c>--plots DIR</c>.</summary>
    public Option<string?> Plots { get; } = new("--plots")
    {
        Description = "With --nested: write a figure per stage and report.md into this folder",
    };

    /// <summary><c>--extrapolate</c> (optimize only).</summary>
    public Option<bool> Extrapolate { get; } = new("--extrapolate")
    {
        Description = "With optimize --nested: search every weight over [0, 1] instead of the range the fitted mixtures span",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    /// <remarks>An option whose name the command already has (e.g. <c>--weights</c> of the data options) is shared: values are read by name.</remarks>
    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[Nested, TargetScale, StepRange, StepSharing, ValidWeights, Target, Weights, Law, Formula, Plots])
            if (!command.Options.Any(o => o.Name == option.Name)) command.Add(option);
        if (command.Name == "optimize") command.Add(Extrapolate);
    }

    /// <summary>
    /// Loads the runs through the data options (<c>--data</c>, <c>--derive</c>, <c>--where</c>, <c>--map</c>, <c>--drop-highest</c>,
    /// <c>--weights</c>, <c>--normalize-weights</c>, with the same rules as <c>fit</c>), adds Pile group losses with
    /// <c>--valid-weights</c>, and builds the options.
    /// </summary>
    public (RunTable Table, NestedOptions Options) Build(ParseResult parse, DataOptions data, int seed, int threads)
    {
        if (parse.GetValue(data.Data) is not string path) throw new CliException("Option '--nested' needs '--data' (a folder or file of runs at several model sizes).");
        var (size, step) = Scale(parse.GetValue(TargetScale));
        var (lo, hi) = Range(parse.GetValue(StepRange));
        var sharing = parse.GetValue(StepSharing) switch
        {
            "run" => StepExponentSharing.Run,
            "size" => StepExponentSharing.Size,
            var s => throw new CliException($"Option '--step-sharing': '{s}' is not run or size."),
        };
        var table = data.Load(parse);
        foreach (var (variable, column) in data.Mapping(parse))
        {
            if (!table.HasColumn(column)) throw new CliException($"Option '--map': no column '{column}' for variable '{variable}'. Columns: {string.Join(", ", table.ColumnNames)}.");
            table = table.WithColumn(variable, table.Numeric(column));
        }
        ImmutableArray<string> targets;
        var total = ImmutableDictionary<string, double>.Empty;
        if (parse.GetValue(ValidWeights) is string weightsPath)
        {
            var valid = PileDomainGroups.ReadValidWeights(weightsPath);
            table = PileDomainGroups.AddGroupLosses(table, valid);
            total = PileDomainGroups.GroupWeights(valid).ToImmutableDictionary(p => "loss_" + p.Key, p => p.Value);
            targets = parse.GetValue<string?>("--target") is null ? [.. PileDomainGroups.GroupNames.Select(g => "loss_" + g)] : [.. TargetColumns(parse, table)];
        }
        else targets = [.. TargetColumns(parse, table)];
        if (parse.GetValue(data.DropHighest) > 0)
        {
            if (targets.Length != 1) throw new CliException("Option '--drop-highest' needs a single target.");
            table = data.DropHighestRows(parse, table, targets[0]);
        }
        var domains = DataOptions.WeightColumns(parse.GetValue<string?>("--weights"), table);
        table = DataOptions.CheckWeights(table, domains, parse.GetValue(data.NormalizeWeights));
        foreach (var column in new[] { "N", "step" })
            if (!table.HasColumn(column)) throw new CliException($"{path}: --nested needs a '{column}' column (model size and training step). Columns: {string.Join(", ", table.ColumnNames)}.");
        var options = new NestedOptions
        {
            TargetModelSize = size, TargetStep = step, Targets = targets, Domains = [.. domains], TotalWeights = total.Where(p => targets.Contains(p.Key)).ToImmutableDictionary(),
            MinimumStep = lo, MaximumStep = hi, StepSharing = sharing, MixtureLaw = MixtureLaw(parse, domains), Seed = seed, MaxDegreeOfParallelism = threads,
        };
        try { options.Validate(); }
        catch (ArgumentException e) { throw new CliException("Option '--nested': " + e.Message); }
        return (table, options);
    }

    /// <summary>Tokens per step: the median of <c>tokens/step</c> when the data have a <c>tokens</c> column, else 1 (D counts steps).</summary>
    public static double TokensPerStep(RunTable table)
    {
        if (!table.HasColumn("tokens")) return 1;
        var ratios = table.Numeric("tokens").Zip(table.Numeric("step"), (t, s) => t / s).Where(r => double.IsFinite(r) && r > 0).Order().ToList();
        return ratios.Count == 0 ? 1 : ratios[ratios.Count / 2];
    }

    private static (double Size, double Step) Scale(string? text)
    {
        if (text is null) throw new CliException("Option '--target-scale' is required with --nested, e.g. --target-scale size=1B,step=100k or N=8e8,step=100k.");
        double size = double.NaN, step = double.NaN;
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = raw.IndexOf('=');
            if (eq <= 0) throw new CliException($"Option '--target-scale': '{raw}' must look like name=value.");
            string name = raw[..eq].Trim(), value = raw[(eq + 1)..].Trim();
            switch (name)
            {
                case "N": size = OptionParser.Number(value, "--target-scale", "N"); break;
                case "size":
                    size = MixingLawsReader.NonEmbeddingParameters.TryGetValue(value.ToUpperInvariant(), out double n) ? n
                        : throw new CliException($"Option '--target-scale': unknown model size '{value}'; known sizes: {string.Join(", ", MixingLawsReader.NonEmbeddingParameters.Keys.Order())} (or give N=...).");
                    break;
                case "step": step = OptionParser.Number(value, "--target-scale", "step"); break;
                default: throw new CliException($"Option '--target-scale': '{name}' is not N, size or step.");
            }
        }
        if (!(size > 0)) throw new CliException($"Option '--target-scale': give a positive N=... or size=... (got '{text}').");
        if (!(step > 0)) throw new CliException($"Option '--target-scale': give a positive step=... (got '{text}').");
        return (size, step);
    }

    private static (double? Low, double? High) Range(string? text)
    {
        if (text is null) return (null, null);
        var parts = text.Split(':');
        if (parts.Length != 2) throw new CliException($"Option '--step-range': '{text}' must look like MIN:MAX (e.g. 10k:30k).");
        double? lo = parts[0].Trim().Length == 0 ? null : OptionParser.Number(parts[0], "--step-range");
        double? hi = parts[1].Trim().Length == 0 ? null : OptionParser.Number(parts[1], "--step-range");
        if (lo is double a && hi is double b && a > b) throw new CliException($"Option '--step-range': MIN {a} exceeds MAX {b}.");
        return (lo, hi);
    }

    private List<string> TargetColumns(ParseResult parse, RunTable table)
    {
        string? target = parse.GetValue<string?>("--target");
        if (target is null)
            return table.HasColumn("loss") ? ["loss"] : throw new CliException($"Option '--target' is required with --nested (or --valid-weights): the data have no 'loss' column. Columns: {string.Join(", ", table.ColumnNames)}.");
        var matches = target.Contains('*') ? Patterns.Match(target, table.ColumnNames).Where(c => table.Column(c).Kind == ColumnKind.Numeric).ToList()
            : table.HasColumn(target) ? [target] : [];
        if (matches.Count == 0) throw new CliException($"Option '--target': no numeric column matches '{target}'. Columns: {string.Join(", ", table.ColumnNames)}.");
        return matches;
    }

    private IScalingLaw? MixtureLaw(ParseResult parse, IReadOnlyList<string> domains)
    {
        string? name = parse.GetValue<string?>("--law"), formula = parse.GetValue<string?>("--formula");
        if (name is not null && formula is not null) throw new CliException("Give either '--law' or '--formula' for the mixture law, not both.");
        try
        {
            if (formula is not null) return FormulaLaw.Create(formula, domains);
            if (name is null) return null;
            return LawCatalog.Create(name, domains);
        }
        catch (ArgumentException e) { throw new CliException("Option '" + (formula is null ? "--law" : "--formula") + "': " + e.Message); }
    }
}
