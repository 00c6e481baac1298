using System.CommandLine;
using ScalingLaws.Data;
using ScalingLaws.Expressions;
using ScalingLaws.Serialization;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// The options that load and shape a run table: <c>--data</c>, <c>--derive</c>, <c>--where</c>,
/// <c>--drop-highest</c>, <c>--target</c>, <c>--map</c>, <c>--weights</c>, <c>--normalize-weights</c>.
/// </summary>
internal sealed class DataOptions
{
    /// <summary>The data options; <c>--data</c> is required unless <paramref name="required"/> is false (commands that can work without runs).</summary>
    /// <param name="required">Whether <c>--data</c> must be given.</param>
    public DataOptions(bool required = true) => Data.Required = required;

    /// <summary><c>--data FILE</c>.</summary>
    public Option<string> Data { get; } = new("--data", "-d")
    {
        Description = "Runs to read: a CSV/TSV with a header row, or a public log format (Epoch Chinchilla CSV, RegMix mixture/loss CSV, mixinglaws TSV log or folder, datablations CSV)",
    };

    /// <summary><c>--derive NAME=EXPR</c> (repeatable).</summary>
    public Option<string[]> Derive { get; } = new("--derive")
    {
        Description = "Add a computed column, e.g. --derive \"D=C/(6*N)\" (repeatable; evaluated in order)",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary><c>--where EXPR</c>.</summary>
    public Option<string?> Where { get; } = new("--where")
    {
        Description = "Keep rows where EXPR is true (non-zero), e.g. --where \"N >= 1e8 && step == 30000\"",
    };

    /// <summary><c>--drop-highest K</c>.</summary>
    public Option<int> DropHighest { get; } = new("--drop-highest")
    {
        Description = "Drop the K rows with the highest target value (Epoch's Chinchilla replication drops 5)",
        DefaultValueFactory = _ => 0,
    };

    /// <summary><c>--target COLUMN|PATTERN</c>.</summary>
    public Option<string?> Target { get; } = new("--target", "-t")
    {
        Description = "Target column; a pattern with * (e.g. \"loss_*\") fits one law per matching column. Default: 'loss' if present",
    };

    /// <summary><c>--map VAR=COLUMN,...</c>.</summary>
    public Option<string?> Map { get; } = new("--map")
    {
        Description = "Bind law variables to columns with other names, e.g. --map N=model_size,D=n_tokens",
    };

    /// <summary><c>--weights PATTERN|LIST</c>.</summary>
    public Option<string?> Weights { get; } = new("--weights")
    {
        Description = "Domain-weight columns for mixture laws: a pattern (\"h_*\") or a list (h_web,h_code). Default: h_* or else w_*",
    };

    /// <summary><c>--normalize-weights</c>.</summary>
    public Option<bool> NormalizeWeights { get; } = new("--normalize-weights")
    {
        Description = "Rescale each row's domain weights to sum to 1 instead of rejecting rows whose weights do not",
    };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command, bool withTarget = true, bool withWeights = true)
    {
        command.Add(Data); command.Add(Derive); command.Add(Where); command.Add(DropHighest); command.Add(Map);
        if (withTarget) command.Add(Target);
        if (withWeights) { command.Add(Weights); command.Add(NormalizeWeights); }
    }

    /// <summary>
    /// The one resolution of the data options for a command that fits: load the file, <c>--derive</c>, <c>--where</c>,
    /// targets, <c>--drop-highest</c> (one target only), and — for a mixture law, or whenever <c>--weights</c> is given —
    /// the domain-weight columns checked (or normalised) row by row; with the binding that records <c>--map</c>.
    /// </summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="needsDomains">Whether the law reads domain-weight columns.</param>
    public DataInput Resolve(ParseResult parse, bool needsDomains)
    {
        var table = Load(parse);
        var targets = Targets(parse, table);
        if (parse.GetValue(DropHighest) > 0)
        {
            if (targets.Count != 1) throw new CliException("Option '--drop-highest' needs a single target.");
            table = DropHighestRows(parse, table, targets[0]);
        }
        IReadOnlyList<string>? domains = null;
        if (needsDomains || parse.GetValue(Weights) is not null) (table, domains) = Domains(parse, table);
        return new DataInput(table, targets, Binding(parse, domains));
    }

    /// <summary>Loads the table and applies <c>--derive</c>, <c>--where</c> (and, given a target, <c>--drop-highest</c>).</summary>
    public RunTable Load(ParseResult parse, string? dropByTarget = null)
    {
        string path = parse.GetValue(Data)!;
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new CliException($"Option '--data': file '{path}' does not exist.");
        var table = RunTableLoader.Load(path);
        foreach (var derive in parse.GetValue(Derive) ?? [])
            table = ApplyDerive(table, derive);
        if (parse.GetValue(Where) is { Length: > 0 } where)
            table = ApplyWhere(table, where);
        int drop = parse.GetValue(DropHighest);
        if (drop < 0) throw new CliException($"Option '--drop-highest': {drop} must be ≥ 0.");
        if (dropByTarget is not null) table = DropHighestRows(parse, table, dropByTarget);
        if (table.RowCount == 0) throw new CliException($"No rows left in '{path}' after --where/--drop-highest.");
        return table;
    }

    /// <summary>
    /// Loads the runs for saved fits (<see cref="Load"/>): <c>--drop-highest</c> drops by the fits' target, which must then be
    /// the same for every fit — the rule of <c>fit</c>.
    /// </summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="fits">The saved fits the runs are read for.</param>
    public RunTable LoadForFits(ParseResult parse, IEnumerable<SavedFit> fits)
    {
        var targets = fits.Select(f => f.Fit.Target).Distinct(StringComparer.Ordinal).ToList();
        if (parse.GetValue(DropHighest) <= 0) return Load(parse);
        if (targets.Count != 1) throw new CliException($"Option '--drop-highest' needs a single target; the fits predict {string.Join(", ", targets)}.");
        return Load(parse, targets[0]);
    }

    /// <summary>The table without its <c>--drop-highest</c> K rows of highest <paramref name="target"/> (ties: later rows first); the table itself when K = 0.</summary>
    public RunTable DropHighestRows(ParseResult parse, RunTable table, string target)
    {
        int drop = parse.GetValue(DropHighest);
        if (drop <= 0) return table;
        var y = table.Numeric(target);
        if (drop >= y.Length) throw new CliException($"Option '--drop-highest': cannot drop {drop} of {y.Length} rows.");
        // Rows by rising target, ties by row; the last K are dropped and the others kept in row order.
        var order = new List<int>(y.Length);
        for (int i = 0; i < y.Length; i++) order.Add(i);
        order.Sort((a, b) => y[a] == y[b] || (double.IsNaN(y[a]) && double.IsNaN(y[b])) ? a.CompareTo(b) : y[a].CompareTo(y[b]));
        var dropped = new bool[y.Length];
        for (int t = y.Length - drop; t < y.Length; t++) dropped[order[t]] = true;
        var keep = new int[y.Length - drop];
        for (int i = 0, kept = 0; i < y.Length; i++)
            if (!dropped[i]) keep[kept++] = i;
        return table.Where(keep);
    }

    /// <summary>The target columns: <c>--target</c> (a name or a pattern with *), else 'loss'.</summary>
    public IReadOnlyList<string> Targets(ParseResult parse, RunTable table)
    {
        string? target = parse.GetValue(Target);
        if (target is null)
        {
            if (table.HasColumn("loss")) return ["loss"];
            throw new CliException($"Option '--target' is required: the data have no 'loss' column. Columns: {string.Join(", ", table.ColumnNames)}.");
        }
        if (target.Contains('*'))
        {
            var matches = Patterns.Match(target, table.ColumnNames).Where(c => table.Column(c).Kind == ColumnKind.Numeric).ToList();
            if (matches.Count == 0) throw new CliException($"Option '--target': no numeric column matches '{target}'. Columns: {string.Join(", ", table.ColumnNames)}.");
            return matches;
        }
        if (!table.HasColumn(target))
        {
            var close = table.ColumnNames.Where(c => string.Equals(c, target, StringComparison.OrdinalIgnoreCase)).ToList();
            throw new CliException($"Option '--target': no column '{target}'{(close.Count > 0 ? $"; did you mean '{close[0]}'?" : ".")} Columns: {string.Join(", ", table.ColumnNames)}.");
        }
        return [target];
    }

    /// <summary>The domain-weight columns: <c>--weights</c>, else h_* or w_*; checked to sum to 1 per row.</summary>
    public (RunTable Table, IReadOnlyList<string> Domains) Domains(ParseResult parse, RunTable table)
    {
        var domains = WeightColumns(parse, table);
        return (CheckWeights(table, domains, parse.GetValue(NormalizeWeights)), domains);
    }

    /// <summary>
    /// The binding for applying a saved fit to <paramref name="table"/>: the fit's own mapping, weight columns and
    /// normalisation, each overridden by <c>--map</c>, <c>--weights</c> and <c>--normalize-weights</c> when given.
    /// </summary>
    public ColumnBinding Resolve(ParseResult parse, RunTable table, ColumnBinding saved)
    {
        var binding = saved;
        if (parse.GetValue(Map) is not null) binding = binding.WithMapping(Mapping(parse));
        if (!saved.Weights.IsEmpty && parse.GetValue(Weights) is not null) binding = binding with { Weights = [.. WeightColumns(parse, table)] };
        if (parse.GetValue(NormalizeWeights)) binding = binding with { NormalizeWeights = true };
        return binding;
    }

    /// <summary>
    /// The rows and binding for applying a saved fit to <paramref name="table"/> (read once for every fit): the binding of
    /// <see cref="Resolve(ParseResult, RunTable, ColumnBinding)"/>, with the weight rule of <see cref="CheckWeights"/> applied to
    /// its weight columns — the same checks as <c>fit</c>.
    /// </summary>
    public (RunTable Table, ColumnBinding Binding) ForSavedFit(ParseResult parse, RunTable table, ColumnBinding saved)
    {
        var binding = Resolve(parse, table, saved);
        return (binding.Weights.IsEmpty ? table : CheckWeights(table, binding.Weights, binding.NormalizeWeights), binding);
    }

    /// <summary>The domain-weight columns <c>--weights</c> names (a pattern or a list), else the table's default ones (<see cref="WeightColumnNames.Default"/>).</summary>
    public IReadOnlyList<string> WeightColumns(ParseResult parse, RunTable table) => WeightColumns(parse.GetValue(Weights), table);

    /// <summary>The domain-weight columns <paramref name="spec"/> names (a pattern with * or a comma-separated list), else the table's default ones (h_*, else w_*).</summary>
    /// <exception cref="CliException">No column matches, or a listed column does not exist (the message names <c>--weights</c>).</exception>
    public static IReadOnlyList<string> WeightColumns(string? spec, RunTable table)
    {
        List<string> domains;
        if (spec is null)
        {
            domains = [.. WeightColumnNames.Default(table.ColumnNames)];
            if (domains.Count == 0) throw new CliException($"Option '--weights' is required: no h_* or w_* columns. Columns: {string.Join(", ", table.ColumnNames)}.");
        }
        else if (spec.Contains('*'))
        {
            domains = Patterns.Match(spec, table.ColumnNames).ToList();
            if (domains.Count == 0) throw new CliException($"Option '--weights': no column matches '{spec}'. Columns: {string.Join(", ", table.ColumnNames)}.");
        }
        else
        {
            domains = spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            foreach (var d in domains)
                if (!table.HasColumn(d)) throw new CliException($"Option '--weights': no column '{d}'. Columns: {string.Join(", ", table.ColumnNames)}.");
        }
        return domains;
    }

    /// <summary>
    /// Checks that each row's domain weights in <paramref name="columns"/> sum to 1 (within 10⁻³), naming file, line and sum
    /// of the first row that does not; with <paramref name="normalize"/>, rescales each row to sum to 1 instead (rows summing
    /// to 0 are rejected). The one rule for weights, used by every command that reads them.
    /// </summary>
    public static RunTable CheckWeights(RunTable table, IReadOnlyList<string> columns, bool normalize)
    {
        foreach (var d in columns)
            if (!table.HasColumn(d)) throw new CliException($"{table.Name}: no domain-weight column '{d}'. Columns: {string.Join(", ", table.ColumnNames)}.");
        var values = columns.Select(d => table.Numeric(d)).ToArray();
        var sums = new double[table.RowCount];
        for (int i = 0; i < table.RowCount; i++)
        {
            double sum = 0;
            foreach (var c in values) sum += double.IsNaN(c[i]) ? 0 : c[i];
            sums[i] = sum;
            if (!normalize && Math.Abs(sum - 1) > 1e-3)
            {
                var (file, line) = table.RowSource(i);
                throw new CliException($"{file}:{line}: domain weights ({string.Join(", ", columns)}) sum to {sum.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}, not 1. Fix the data or pass --normalize-weights.");
            }
            if (normalize && !(sum > 0))
            {
                var (file, line) = table.RowSource(i);
                throw new CliException($"{file}:{line}: domain weights sum to {sum}, so they cannot be normalised.");
            }
        }
        if (normalize)
            for (int d = 0; d < columns.Count; d++)
            {
                var scaled = values[d].Select((v, i) => v / sums[i]).ToArray();
                table = table.WithColumn(columns[d], scaled);
            }
        return table;
    }

    /// <summary>The column binding the options describe: <c>--map</c>, the weight columns in use and <c>--normalize-weights</c>.</summary>
    public ColumnBinding Binding(ParseResult parse, IReadOnlyList<string>? domains) =>
        new ColumnBinding { Weights = [.. domains ?? []], NormalizeWeights = domains is not null && parse.GetValue(NormalizeWeights) }.WithMapping(Mapping(parse));

    /// <summary>Parses <c>--map</c>.</summary>
    public IReadOnlyDictionary<string, string> Mapping(ParseResult parse) => OptionParser.Mapping(parse.GetValue(Map), "--map");

    private static RunTable ApplyDerive(RunTable table, string derive)
    {
        int eq = derive.IndexOf('=');
        if (eq <= 0) throw new CliException($"Option '--derive': '{derive}' must look like NAME=EXPRESSION.");
        string name = derive[..eq].Trim();
        if (table.HasColumn(name))
            throw new CliException($"Option '--derive': column '{name}' already exists in {table.Name}; give the derived column a new name.");
        var compiled = CompileOver(table, derive[(eq + 1)..], "--derive");
        var values = new double[table.RowCount];
        var row = new double[compiled.Names.Length];
        var columns = compiled.Names.Select(table.Numeric).ToArray();
        for (int i = 0; i < table.RowCount; i++)
        {
            for (int k = 0; k < row.Length; k++) row[k] = columns[k][i];
            values[i] = compiled.Evaluate(row);
        }
        return table.WithColumn(name, values);
    }

    private static RunTable ApplyWhere(RunTable table, string where) => table.Where(RowsWhere(table, where, "--where"));

    /// <summary>Indices of the rows where <paramref name="expression"/> (over numeric columns) is non-zero.</summary>
    /// <exception cref="CliException">The expression is malformed or names a missing or text column; the message names <paramref name="option"/>.</exception>
    public static IReadOnlyList<int> RowsWhere(RunTable table, string expression, string option)
    {
        var compiled = CompileOver(table, expression, option);
        var columns = compiled.Names.Select(table.Numeric).ToArray();
        var row = new double[columns.Length];
        var keep = new List<int>();
        for (int i = 0; i < table.RowCount; i++)
        {
            for (int k = 0; k < row.Length; k++) row[k] = columns[k][i];
            double v = compiled.Evaluate(row);
            if (v != 0 && !double.IsNaN(v)) keep.Add(i);
        }
        return keep;
    }

    private static CompiledFormula CompileOver(RunTable table, string text, string option)
    {
        Formula formula;
        try { formula = Formula.Parse(text); }
        catch (FormulaException e) { throw new CliException($"Option '{option}': {e.Message}"); }
        foreach (var name in formula.Identifiers)
        {
            if (!table.HasColumn(name))
                throw new CliException($"Option '{option}': '{name}' is not a column. Columns: {string.Join(", ", table.ColumnNames)}.");
            if (table.Column(name).Kind != ColumnKind.Numeric)
                throw new CliException($"Option '{option}': column '{name}' holds text, not numbers.");
        }
        return formula.Compile(formula.Identifiers);
    }
}
