using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Data;
using ScalingLaws.Design;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Plotting;
using ScalingLaws.Plotting.Design;
using ScalingLaws.Serialization;
using ScalingLaws.Serialization.Documents;
using ScalingLaws.Uncertainty;
using ScalingLaws.Optimization.Compute;

namespace ScalingLaws.Cli.Commands;

/// <summary>
/// <c>scaling-laws design</c>: the runs to train first (a mixture swarm or lattice × a compute grid), the runs to
/// add next (<c>--next K --fit</c>), and a simulation of both strategies against a known law (<c>--simulate</c>).
/// </summary>
internal static class DesignCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var swarm = new Option<int?>("--swarm") { Description = "Draw K mixtures from a Dirichlet around the prior (RegMix's generator)" };
        var domains = new Option<string?>("--domains") { Description = "Domain-weight columns, e.g. h_web,h_code,h_books (uniform prior)" };
        var prior = new Option<string?>("--prior") { Description = "CSV with columns domain and weight (given shares) or tokens (natural token shares; also the availability for caps)" };
        var temperature = new Option<double>("--temperature") { Description = "Centre the Dirichlet on p^τ/Σp^τ (τ < 1 flattens the prior)", DefaultValueFactory = _ => 1 };
        var strength = new Option<string>("--strength") { Description = "Dirichlet strengths MIN:MAX:LEVELS (log-spaced; one picked per mixture)", DefaultValueFactory = _ => "0.1:5:15" };
        var minWeight = new Option<double>("--min-weight") { Description = "Shares below this are set to 0 (swarm), or every share is at least this (lattice)", DefaultValueFactory = _ => 0 };
        var constraints = new MixtureConstraintOptions();
        var pin = new Option<string?>("--pin") { Description = "Shares fixed in every mixture, e.g. h_books=0.1" };
        var targetTokens = new Option<string?>("--target-tokens") { Description = "Token count D of the run the availability caps are for, e.g. 25B" };
        var minDistance = new Option<double>("--min-distance") { Description = "Minimum L1 distance between two mixtures of the swarm", DefaultValueFactory = _ => 1e-5 };
        var lattice = new Option<int?>("--lattice") { Description = "Every mixture whose shares are multiples of 1/R (R = this resolution), each ≥ --min-weight" };
        var sizes = new Option<string?>("--sizes") { Description = "Model sizes N, e.g. 20M,60M,150M" };
        var compute = new Option<string?>("--compute") { Description = "IsoFLOP budgets C: D = C/(6N) for every size, e.g. 1e18,3e18" };
        var ratios = new Option<string?>("--ratios") { Description = "Tokens per parameter: D = r·N, e.g. 10,20,40" };
        var tokens = new Option<string?>("--tokens") { Description = "Token counts D, e.g. 1B,4B" };
        var readAt = new Option<string?>("--read-at") { Description = "Constant-learning-rate runs read at these fractions of D, e.g. 0.25,0.5,1" };
        var next = new Option<int?>("--next") { Description = "Propose the K runs from the candidate plan that most reduce the decision's variance (needs --fit, --data, --target)" };
        var fit = new Option<string?>("--fit") { Description = "Fit file(s) from 'fit --format json' (with --next)" };
        var target = new Option<string?>("--target") { Description = "The decision: C=1e21 (compute-optimal N), N=1B,D=20B (optimal weights, mixture fits; predicted loss otherwise)" };
        var decision = new Option<string?>("--decision") { Description = "weights | allocation | loss (default: from --target and the fits)" };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap replicates of the fits (with --next and --simulate)", DefaultValueFactory = _ => 100 };
        var criterion = new Option<string>("--criterion")
        {
            Description = "Belief the candidates are scored under: linearised (Laplace posterior and delta method) or ensemble (the bootstrap)",
            DefaultValueFactory = _ => "linearised",
        };
        var perFlop = new Option<bool>("--per-flop") { Description = "Rank candidates by variance reduction per FLOP instead of per run" };
        var simulate = new Option<int?>("--simulate") { Description = "Simulate S users with a known --law: error of the decision against runs, next runs vs random runs" };
        var law = new Option<string?>("--law") { Description = "True law for --simulate" };
        var parameters = new Option<string?>("--params") { Description = "True parameters for --simulate (others: the law's defaults)" };
        var noise = new Option<double>("--noise") { Description = "Relative noise σ of simulated losses", DefaultValueFactory = _ => 0.01 };
        var initial = new Option<int>("--initial") { Description = "Initial random runs (--simulate)", DefaultValueFactory = _ => 8 };
        var add = new Option<int>("--add") { Description = "Runs added after the initial ones (--simulate)", DefaultValueFactory = _ => 16 };
        var batch = new Option<int>("--batch") { Description = "Runs added per round (--simulate)", DefaultValueFactory = _ => 2 };
        var error = new Option<double?>("--error") { Description = "With --simulate: report the runs each strategy needs to reach this error" };
        var figure = new Option<string?>("--figure") { Description = "Also draw the plan (simplex or N–D), the proposals, or the simulated curves to FILE.png|svg" };
        var data = new DataOptions(required: false);
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command("design", """
            Plan the runs: a swarm of mixtures around a prior or a simplex lattice, times model sizes and budgets (IsoFLOP
            sets, tokens per parameter, constant-LR runs read at several D), with the total compute Σ 6·N·D; after a
            first fit, the K runs of a candidate plan that most reduce the uncertainty of the decision.

            Examples:
              scaling-laws design --swarm 64 --domains h_web,h_code,h_books --seed 1
              scaling-laws design --lattice 10 --min-weight 0.1 --domains a,b,c --sizes 20M,60M --ratios 20
              scaling-laws design --next 4 --fit fit.json --data runs.csv --target C=1e23 --sizes 10M,100M,1B --ratios 5,20,80
            """)
        {
            swarm, domains, prior, temperature, strength, minWeight, pin, targetTokens, minDistance, lattice,
            sizes, compute, ratios, tokens, readAt, next, fit, target, decision, bootstrap, criterion, perFlop, simulate, law, parameters, noise, initial, add,
            batch, error, figure, seed, threads, format, output,
        };
        data.AddTo(command, withTarget: false);
        constraints.AddTo(command);
        command.SetAction((parse, _) => CliApp.Guard(context, () =>
        {
            try
            {
                var plan = Plan(parse, swarm, domains, prior, temperature, strength, minWeight, constraints, pin, targetTokens,
                    minDistance, lattice, sizes, compute, ratios, tokens, readAt, seed);
                string text;
                var belief = Criterion(parse.GetValue(criterion));
                if (parse.GetValue(simulate) is int seeds)
                    text = Simulate(context, parse, plan, seeds, law, parameters, target, decision, noise, initial, add, batch, bootstrap, belief, perFlop, error, figure, threads, format);
                else if (parse.GetValue(next) is int count)
                    text = Next(context, parse, plan, count, fit, data, target, decision, bootstrap, belief, perFlop, figure, seed, threads, format);
                else
                {
                    if (parse.GetValue(figure) is string path) Save(context, RunPlanFigure.Create(plan, []), path);
                    text = parse.GetValue(format) switch
                    {
                        OutputFormat.Json => PlanJson(plan),
                        OutputFormat.Csv => PlanCsv(plan),
                        _ => PlanTable(plan),
                    };
                }
                ResultWriter.Write(context, parse.GetValue(output), text);
                return ExitCodes.Success;
            }
            catch (ArgumentException e) { throw new CliException(e.Message); }
        }));
        return command;
    }

    private static RunPlan Plan(ParseResult parse, Option<int?> swarm, Option<string?> domains, Option<string?> prior, Option<double> temperature,
        Option<string> strength, Option<double> minWeight, MixtureConstraintOptions constraints, Option<string?> pin,
        Option<string?> targetTokens, Option<double> minDistance, Option<int?> lattice, Option<string?> sizes,
        Option<string?> compute, Option<string?> ratios, Option<string?> tokens, Option<string?> readAt, Option<int> seed)
    {
        var names = ImmutableArray<string>.Empty;
        var priorWeights = ImmutableArray<double>.Empty;
        var priorTokens = ImmutableDictionary<string, double>.Empty;
        if (parse.GetValue(prior) is string path) (names, priorWeights, priorTokens) = ReadPrior(path);
        if (parse.GetValue(domains) is string list)
        {
            var given = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
            if (given.Length == 0) throw new CliException("Option '--domains': give at least one domain name.");
            if (!names.IsEmpty && !given.SequenceEqual(names))
                throw new CliException($"Option '--domains': the prior file names the domains {string.Join(",", names)}; give one or the other.");
            names = given;
        }
        var mixtures = new List<ImmutableArray<double>>();
        int? k = parse.GetValue(swarm), r = parse.GetValue(lattice);
        if (k is not null && r is not null) throw new CliException("Give '--swarm' or '--lattice', not both.");
        if ((k is not null || r is not null) && names.IsEmpty) throw new CliException("Option '--swarm'/'--lattice' needs the domains: '--domains a,b,c' or '--prior FILE'.");
        if (k is int count)
        {
            var parts = parse.GetValue(strength)!.Split(':');
            if (parts.Length is < 2 or > 3) throw new CliException($"Option '--strength': '{parse.GetValue(strength)}' must look like MIN:MAX or MIN:MAX:LEVELS.");
            var availableTokens = constraints.AvailableTokens(parse, names);
            if (availableTokens.IsEmpty && !priorTokens.IsEmpty && parse.GetValue(targetTokens) is not null) availableTokens = priorTokens;
            var options = new SwarmOptions
            {
                Domains = names,
                Count = count,
                Prior = priorWeights,
                Temperature = parse.GetValue(temperature),
                MinimumStrength = OptionParser.Number(parts[0], "--strength"),
                MaximumStrength = OptionParser.Number(parts[1], "--strength"),
                StrengthLevels = parts.Length == 3 ? (int)OptionParser.Number(parts[2], "--strength") : 15,
                MinimumWeight = parse.GetValue(minWeight),
                LowerBounds = constraints.LowerBounds(parse, names),
                UpperBounds = constraints.UpperBounds(parse, names),
                Pinned = MixtureConstraintOptions.DomainValues(parse.GetValue(pin), "--pin", names),
                AvailableTokens = availableTokens,
                MaxEpochs = parse.GetValue(constraints.MaxEpochs),
                TargetTokens = parse.GetValue(targetTokens) is string t ? OptionParser.Number(t, "--target-tokens") : null,
                MinimumDistance = parse.GetValue(minDistance),
                Seed = parse.GetValue(seed),
            };
            mixtures.AddRange(MixtureSwarm.Generate(options));
        }
        else if (r is int resolution)
        {
            var points = SimplexLattice.Points(names.Length, resolution, parse.GetValue(minWeight));
            var lo = constraints.LowerBounds(parse, names);
            var hi = constraints.UpperBounds(parse, names);
            mixtures.AddRange(points.Where(p => names.Select((d, i) => p[i] >= lo.GetValueOrDefault(d, 0) - 1e-12 && p[i] <= hi.GetValueOrDefault(d, 1) + 1e-12).All(b => b)));
            if (mixtures.Count == 0) throw new CliException("Options '--lower'/'--upper': no lattice point lies within the bounds.");
        }
        else names = [];
        ComputeGrid? grid = null;
        if (parse.GetValue(sizes) is string s)
            grid = new ComputeGrid
            {
                ModelSizes = Numbers(s, "--sizes"),
                ComputeBudgets = Numbers(parse.GetValue(compute), "--compute"),
                TokensPerParameter = Numbers(parse.GetValue(ratios), "--ratios"),
                Tokens = Numbers(parse.GetValue(tokens), "--tokens"),
                ReadFractions = Numbers(parse.GetValue(readAt), "--read-at"),
            };
        else if (parse.GetValue(compute) is not null || parse.GetValue(ratios) is not null || parse.GetValue(tokens) is not null)
            throw new CliException("Options '--compute', '--ratios' and '--tokens' need the model sizes: '--sizes 20M,60M'.");
        if (mixtures.Count == 0 && grid is null)
            throw new CliException("Nothing to plan: give '--swarm K', '--lattice R' (with '--domains' or '--prior'), and/or '--sizes' with a budget.");
        return RunPlanner.Product(names, mixtures, grid);
    }

    private static (ImmutableArray<string>, ImmutableArray<double>, ImmutableDictionary<string, double>) ReadPrior(string path)
    {
        if (!File.Exists(path)) throw new CliException($"Option '--prior': file '{path}' does not exist.");
        var table = RunTableLoader.Load(path);
        if (!table.HasColumn("domain")) throw new CliException($"{path}: the prior needs a 'domain' column and a 'weight' or 'tokens' column.");
        var names = table.Text("domain");
        string column = table.HasColumn("weight") ? "weight" : table.HasColumn("tokens") ? "tokens"
            : throw new CliException($"{path}: the prior needs a 'weight' or 'tokens' column next to 'domain'.");
        var values = table.Numeric(column);
        for (int i = 0; i < values.Length; i++)
            if (!(values[i] >= 0) || !double.IsFinite(values[i]))
                throw new CliException($"{table.RowSource(i)}: the {column} of '{names[i]}' must be a finite number ≥ 0 (got {values[i].ToString(CultureInfo.InvariantCulture)}).");
        var tokens = table.HasColumn("tokens") ? names.Zip(table.Numeric("tokens")).ToImmutableDictionary(p => p.First, p => p.Second) : ImmutableDictionary<string, double>.Empty;
        return (names, values, tokens);
    }

    private static string Next(CliContext context, ParseResult parse, RunPlan candidates, int count, Option<string?> fit, DataOptions data,
        Option<string?> target, Option<string?> decision, Option<int> bootstrap, NextRunCriterion criterion, Option<bool> perFlop, Option<string?> figure, Option<int> seed,
        Option<int> threads, Option<OutputFormat> format)
    {
        if (parse.GetValue(fit) is not string fitPath) throw new CliException("Option '--next' needs '--fit FILE' (the current fits).");
        if (parse.GetValue(data.Data) is null) throw new CliException("Option '--next' needs '--data FILE' (the runs the fits came from, for the bootstrap).");
        var saved = SavedFits.Read(fitPath);
        var fits = saved.Select(s => s.Fit).ToList();
        var table = data.LoadForFits(parse, saved);
        var fitData = saved.Select(s =>
        {
            var (rows, binding) = data.ForSavedFit(parse, table, s.Binding);
            return rows.ToFitData(s.Fit.Law.Variables, s.Fit.Target, binding.Mapping);
        }).ToList();
        int replicates = parse.GetValue(bootstrap);
        if (replicates < 3) throw new CliException($"Option '--bootstrap': at least 3 replicates are needed (got {replicates}).");
        var decisionTarget = Decision(parse.GetValue(target), parse.GetValue(decision), !saved[0].Domains.IsEmpty);
        var bootOptions = new BootstrapOptions { Replicates = replicates, Seed = parse.GetValue(seed), MaxDegreeOfParallelism = parse.GetValue(threads) };
        var ensemble = Bootstrap.Refit(fits, fitData, bootOptions);
        var selection = NextRuns.Propose(fits, fitData, ensemble, candidates, decisionTarget,
            new NextRunOptions { Count = count, Criterion = criterion, PerCompute = parse.GetValue(perFlop), Seed = parse.GetValue(seed), MaxDegreeOfParallelism = parse.GetValue(threads) });
        if (parse.GetValue(figure) is string path)
        {
            string interval = string.Join(", ", selection.Components.Select((c, j) => Invariant($"{c} {selection.Estimate[j]:G3} [{selection.Intervals[j].Lower:G3}, {selection.Intervals[j].Upper:G3}]")).Take(3));
            Save(context, RunPlanFigure.Create(candidates, selection.Proposals.Select(p => p.CandidateIndex).ToList(), $"Next runs; now {interval}"), path);
        }
        return parse.GetValue(format) switch
        {
            OutputFormat.Json => NextJson(selection, candidates.Domains),
            OutputFormat.Csv => NextCsv(selection, candidates.Domains),
            _ => NextTable(selection, candidates.Domains),
        };
    }

    private static NextRunCriterion Criterion(string? text) => text switch
    {
        "linearised" => NextRunCriterion.Linearised,
        "ensemble" => NextRunCriterion.Ensemble,
        _ => throw new CliException($"Option '--criterion': '{text}' is not one of linearised, ensemble."),
    };

    private static DecisionTarget Decision(string? target, string? kind, bool mixture)
    {
        if (target is null) throw new CliException("Option '--target' is required with '--next' and '--simulate', e.g. --target C=1e21 or --target N=1B,D=20B.");
        var values = OptionParser.Assignments(target, "--target");
        kind ??= values.ContainsKey("C") ? "allocation" : mixture ? "weights" : "loss";
        switch (kind)
        {
            case "allocation":
                if (!values.TryGetValue("C", out double c)) throw new CliException("Option '--target': an allocation decision needs the compute, e.g. --target C=1e21.");
                return DecisionTarget.ComputeOptimal(c);
            case "weights":
                values.TryGetValue("N", out double n);
                values.TryGetValue("D", out double d);
                return DecisionTarget.OptimalWeights(new TrainingBudget(n > 0 ? n : null, d > 0 ? d : null));
            case "loss":
                return DecisionTarget.Prediction(values);
            default:
                throw new CliException($"Option '--decision': '{kind}' is not one of weights, allocation, loss.");
        }
    }

    private static string Simulate(CliContext context, ParseResult parse, RunPlan candidates, int seeds, Option<string?> lawOption, Option<string?> parameters,
        Option<string?> target, Option<string?> decision, Option<double> noise, Option<int> initial, Option<int> add, Option<int> batch, Option<int> bootstrap,
        NextRunCriterion criterion, Option<bool> perFlop, Option<double?> error, Option<string?> figure, Option<int> threads, Option<OutputFormat> format)
    {
        if (parse.GetValue(lawOption) is not string name) throw new CliException("Option '--simulate' needs the true law: '--law chinchilla'.");
        IScalingLaw model;
        try { model = LawCatalog.Create(name, candidates.Domains.IsEmpty ? null : candidates.Domains); }
        catch (ArgumentException e) { throw new CliException($"Option '--law': {e.Message}"); }
        var values = OptionParser.Assignments(parse.GetValue(parameters), "--params");
        foreach (var p in values.Keys)
            if (!model.Parameters.Any(s => s.Name == p)) throw new CliException($"Option '--params': '{p}' is not a parameter of '{model.Name}' ({string.Join(", ", model.Parameters.Select(s => s.Name))}).");
        var truth = model.Parameters.Select(p => values.TryGetValue(p.Name, out var v) ? v : p.Initial).ToImmutableArray();
        var decisionTarget = Decision(parse.GetValue(target), parse.GetValue(decision), model is IMixtureLaw);
        double sigma = parse.GetValue(noise);
        if (!(sigma > 0) || !double.IsFinite(sigma)) throw new CliException($"Option '--noise': {sigma} must be a finite number > 0.");
        var result = DesignSimulation.Run(new DesignSimulationOptions
        {
            Law = model, Truth = truth, Candidates = candidates, Target = decisionTarget, InitialRuns = parse.GetValue(initial), AddedRuns = parse.GetValue(add),
            BatchSize = parse.GetValue(batch), Noise = sigma, Replicates = parse.GetValue(bootstrap), Criterion = criterion, PerCompute = parse.GetValue(perFlop), Seeds = seeds, MaxDegreeOfParallelism = parse.GetValue(threads),
        });
        string label = decisionTarget.Kind switch { DecisionKind.Weights => "L1 distance of the optimal weights", DecisionKind.Allocation => "|N̂_opt / N_opt − 1|", _ => "relative error of the prediction" };
        if (parse.GetValue(figure) is string path) Save(context, DesignSimulationFigure.Create(result, label, parse.GetValue(error)), path);
        double? goal = parse.GetValue(error);
        if (parse.GetValue(format) == OutputFormat.Csv)
        {
            var rows = new List<IEnumerable<string?>>();
            for (int s = 0; s < seeds; s++)
                for (int p = 0; p < result.RunCounts.Length; p++)
                {
                    rows.Add([s.ToString(CultureInfo.InvariantCulture), result.RunCounts[p].ToString(CultureInfo.InvariantCulture), "next", Csv.Number(result.Chosen[s][p])]);
                    rows.Add([s.ToString(CultureInfo.InvariantCulture), result.RunCounts[p].ToString(CultureInfo.InvariantCulture), "random", Csv.Number(result.Random[s][p])]);
                }
            return Csv.Table(["seed", "runs", "strategy", "error"], rows);
        }
        var medianNext = result.RunCounts.Select((_, p) => DesignSimulationResult.Median(result.Chosen.Select(c => c[p]))).ToArray();
        var medianRandom = result.RunCounts.Select((_, p) => DesignSimulationResult.Median(result.Random.Select(c => c[p]))).ToArray();
        double? needNext = goal is double g1 ? DesignSimulationResult.Median(result.RunsToReach(result.Chosen, g1).Select(v => (double)v)) : null;
        double? needRandom = goal is double g2 ? DesignSimulationResult.Median(result.RunsToReach(result.Random, g2).Select(v => (double)v)) : null;
        if (parse.GetValue(format) == OutputFormat.Json)
            return DesignJson.Write(new DesignSimulationDocument(SchemaVersion.Current, "design-simulation", seeds, label,
                [.. result.RunCounts.Select((runs, p) => new DesignSimulationPointEntry(runs, medianNext[p], medianRandom[p]))], goal, needNext, needRandom)) + "\n";
        var sb = new StringBuilder();
        sb.AppendLine(Invariant($"Simulated {seeds} users, {candidates.Runs.Length} candidate runs, error: {label}"));
        sb.AppendLine("  runs   median error (next)   median error (random)");
        for (int p = 0; p < result.RunCounts.Length; p++) sb.AppendLine(Invariant($"  {result.RunCounts[p],-6} {medianNext[p],-21:G4} {medianRandom[p]:G4}"));
        if (goal is double gg)
            sb.AppendLine(Invariant($"Runs to reach error ≤ {gg:G3} and stay there (median): next {needNext:G4}, random {needRandom:G4} ({(1 - needNext / needRandom):P0} fewer)"));
        return sb.ToString();
    }

    private static void Save(CliContext context, ScottPlot.Plot plot, string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".png" or ".svg")) throw new CliException($"Option '--figure': '{path}' must end in .png or .svg.");
        PlotFiles.Save(plot, path);
        context.Error.WriteLine($"Wrote {path}");
    }

    private static ImmutableArray<double> Numbers(string? text, string option) => string.IsNullOrWhiteSpace(text) ? []
        : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => OptionParser.Number(t, option)).ToImmutableArray();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string PlanCsv(RunPlan plan)
    {
        var header = new List<string> { "run", "N", "D" };
        bool checkpoints = plan.Runs.Any(r => !r.Checkpoints.IsEmpty);
        if (checkpoints) header.Add("read_at_D");
        header.AddRange(plan.Domains);
        header.Add("compute");
        return Csv.Table(header, plan.Runs.Select(run =>
        {
            var row = new List<string?> { run.Id, Csv.Number(run.ModelSize), Csv.Number(run.Tokens) };
            if (checkpoints) row.Add(string.Join(";", run.Checkpoints.Select(c => Csv.Number(c))));
            row.AddRange(run.Weights.Select(w => Csv.Number(w)));
            row.Add(Csv.Number(run.Compute));
            return (IEnumerable<string?>)row;
        }));
    }

    private static string PlanJson(RunPlan plan) => DesignJson.Write(DesignJson.ToDocument(plan)) + "\n";

    private static string PlanTable(RunPlan plan)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Invariant($"Run plan: {plan.Runs.Length} runs{(plan.Domains.IsEmpty ? "" : $" over {plan.Domains.Length} domains")}"));
        sb.Append("  run        N          D          ");
        foreach (var d in plan.Domains) sb.Append(Invariant($"{d,-10} "));
        sb.AppendLine("compute (6ND)");
        foreach (var run in plan.Runs)
        {
            sb.Append(Invariant($"  {run.Id,-10} {Text(run.ModelSize),-10} {Text(run.Tokens),-10} "));
            foreach (var v in run.Weights) sb.Append(Invariant($"{v,-10:F4} "));
            sb.AppendLine(Text(run.Compute));
        }
        sb.AppendLine(plan.TotalCompute is double total ? Invariant($"Total training compute Σ 6·N·D = {total:G4} FLOP") : "Total training compute: unknown (give --sizes with a budget)");
        return sb.ToString();
    }

    private static string Text(double? value) => value is double v ? v.ToString("G4", CultureInfo.InvariantCulture) : "-";

    private static string NextTable(NextRunSelection s, ImmutableArray<string> domains)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Invariant($"Decision ({s.Target.Kind}), intervals from {s.Replicates} bootstrap replicates, total variance {s.Variance:G4}:"));
        for (int j = 0; j < s.Components.Length; j++)
            sb.AppendLine(Invariant($"  {s.Components[j],-16} {s.Estimate[j]:G5}  [{s.Intervals[j].Lower:G5}, {s.Intervals[j].Upper:G5}]"));
        sb.AppendLine("Proposed runs (greedy, expected variance after each):");
        sb.Append("  rank  run        N          D          ");
        foreach (var d in domains) sb.Append(Invariant($"{d,-10} "));
        sb.AppendLine("compute    variance   benefit");
        foreach (var p in s.Proposals)
        {
            sb.Append(Invariant($"  {p.Rank,-5} {p.Run.Id,-10} {Text(p.Run.ModelSize),-10} {Text(p.Run.Tokens),-10} "));
            foreach (var v in p.Run.Weights) sb.Append(Invariant($"{v,-10:F4} "));
            sb.AppendLine(Invariant($"{Text(p.Compute),-10} {p.ExpectedVariance,-10:G4} {p.Benefit:P1}"));
        }
        sb.AppendLine(Invariant($"Expected variance after all: {s.ExpectedVariance:G4} ({(s.Variance > 0 ? 1 - s.ExpectedVariance / s.Variance : 0):P0} less; interval width × {(s.Variance > 0 ? Math.Sqrt(s.ExpectedVariance / s.Variance) : 1):F2})"));
        if (s.TotalCompute is double c) sb.AppendLine(Invariant($"Total compute of the proposals Σ 6·N·D = {c:G4} FLOP"));
        return sb.ToString();
    }

    private static string NextCsv(NextRunSelection s, ImmutableArray<string> domains)
    {
        var header = new List<string> { "rank", "run", "N", "D" };
        header.AddRange(domains);
        header.AddRange(["compute", "expected_variance", "benefit"]);
        return Csv.Table(header, s.Proposals.Select(p =>
        {
            var row = new List<string?> { p.Rank.ToString(CultureInfo.InvariantCulture), p.Run.Id, Csv.Number(p.Run.ModelSize), Csv.Number(p.Run.Tokens) };
            row.AddRange(p.Run.Weights.Select(w => Csv.Number(w)));
            row.AddRange([Csv.Number(p.Compute), Csv.Number(p.ExpectedVariance), Csv.Number(p.Benefit)]);
            return (IEnumerable<string?>)row;
        }));
    }

    private static string NextJson(NextRunSelection s, ImmutableArray<string> domains) => DesignJson.Write(DesignJson.ToDocument(s, domains)) + "\n";
}
