using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Serialization;
using ScalingLaws.Uncertainty;
using ScalingLaws.Optimization.Bootstrapping;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Cli.Commands;

/// <summary>
/// <c>scaling-laws optimize</c>: optimal domain weights for mixture fits, or the compute-optimal N/D
/// split (and frontier) for a law in N and D.
/// </summary>
internal static class OptimizeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var fit = new Option<string?>("--fit") { Description = "Fit file(s) from 'fit --format json' (one fit, or one per validation domain); not with --nested" };
        var budget = new Option<string?>("--budget") { Description = "Target budget: \"N=1B,D=20B\" for mixtures at a size and token count, or \"C=1e21\" for the compute-optimal N and D" };
        var frontier = new Option<string?>("--frontier") { Description = "Compute-optimal frontier over C: \"CMIN:CMAX:POINTS\", e.g. 1e19:1e25:13" };
        var objective = new Option<string?>("--objective")
        {
            Description = "Mixture objective: target:LOSS | sum (equal weights) | weights:LOSS=w,... | worst (minimax). Default: the only loss, else sum",
        };
        var constraints = new MixtureConstraintOptions();
        var maxLoss = new Option<string?>("--max-loss") { Description = "Upper limits on other losses, e.g. loss_general=2.95" };
        var tolerance = new Option<string?>("--tolerance")
        {
            Description = "Loss within a tolerance of a reference, LOSS=L0:+EPS or LOSS=L0:+PCT% (e.g. general=2.86:+3% as in D-CPT)",
        };
        var baseline = new Option<string[]>("--baseline")
        {
            Description = "Weights to compare: 'uniform', a DoReMi/DoGE JSON file, or NAME:d=w,... (repeatable)",
        };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap replicates for intervals on the optimum (needs --data)", DefaultValueFactory = _ => 0 };
        var data = new DataOptions(required: false);
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command("optimize", """
            Turn fits into decisions: optimal domain weights on the simplex (with bounds, data availability
            and loss-tolerance constraints, baselines and bootstrap intervals), or the compute-optimal N and D.

            Examples:
              scaling-laws optimize --fit chinchilla.json --budget C=1e21
              scaling-laws optimize --fit chinchilla.json --frontier 1e19:1e25:13 --format csv
              scaling-laws optimize --fit mixing.json --objective sum --baseline uniform --upper h_symbolic=0.3
            """)
        { fit, budget, frontier, objective, maxLoss, tolerance, baseline, bootstrap, seed, threads, format, output };
        data.AddTo(command, withTarget: false);
        constraints.AddTo(command);
        var nested = new NestedCliOptions();
        nested.AddTo(command);
        command.SetAction((parse, cancellation) => CliApp.Guard(context, () =>
        {
            if (parse.GetValue(nested.Nested))
                return NestedOptimizeCommand.Run(context, parse, nested, data, (model, domains, budget) => MixtureProblemFor(model, domains, budget, parse, objective, constraints, maxLoss, tolerance, baseline));
            var saved = SavedFits.Read(parse.GetValue(fit) ?? throw new CliException("Option '--fit' is required (or give --nested with --data)."));
            var fits = saved.Select(s => s.Fit).ToList();
            var budgetValues = OptionParser.Assignments(parse.GetValue(budget), "--budget");
            bool mixture = !saved[0].Domains.IsEmpty;
            string text;
            if (!mixture)
            {
                text = Allocation(fits[0], budgetValues, parse.GetValue(frontier), parse.GetValue(format));
            }
            else
            {
                var problem = MixtureProblemFor(fits, saved[0].Domains, budgetValues, parse, objective, constraints, maxLoss, tolerance, baseline);
                var options = new MixtureOptimizerOptions { Seed = parse.GetValue(seed), MaxDegreeOfParallelism = parse.GetValue(threads) };
                MixturePlan plan;
                int replicates = parse.GetValue(bootstrap);
                if (replicates > 0)
                {
                    if (parse.GetValue(data.Data) is null) throw new CliException("Option '--bootstrap' needs '--data' (the runs the fits came from).");
                    var table = data.LoadForFits(parse, saved);
                    var refits = new List<FitResult>();
                    var fitData = new List<FitData>();
                    foreach (var s in saved)
                    {
                        var f = s.Fit;
                        var (rows, binding) = data.ForSavedFit(parse, table, s.Binding);
                        var d = rows.ToFitData(f.Law.Variables, f.Target, binding.Mapping);
                        var init = f.Parameters.ToImmutableDictionary(p => p.Name, p => p.Value);
                        refits.Add(LevenbergMarquardt.Fit(f.Law, d, new FitOptions { Initial = init, Starts = StartPoints.Single, Loss = f.Loss, Space = f.Space, CancellationToken = cancellation }));
                        fitData.Add(d);
                    }
                    var bootOptions = new BootstrapOptions { Replicates = replicates, Seed = parse.GetValue(seed), MaxDegreeOfParallelism = parse.GetValue(threads) };
                    var ensemble = Bootstrap.Refit(refits, fitData, bootOptions);
                    plan = BootstrapOptimum.Mixture(problem, ensemble, bootOptions, options);
                }
                else plan = MixtureOptimizer.Optimize(problem, options);
                text = parse.GetValue(format) switch
                {
                    OutputFormat.Json => MixturePlanJson.Write(plan) + "\n",
                    OutputFormat.Csv => PlanCsv(plan),
                    _ => plan.Report(),
                };
                if (!plan.IsFeasible) { ResultWriter.Write(context, parse.GetValue(output), text); throw new CliException("No mixture satisfies the constraints: " + plan.Message); }
            }
            ResultWriter.Write(context, parse.GetValue(output), text);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Allocation(FitResult fit, IReadOnlyDictionary<string, double> budget, string? frontier, OutputFormat format)
    {
        var law = FittedLaw.From(fit);
        if (frontier is not null)
        {
            var parts = frontier.Split(':');
            if (parts.Length != 3) throw new CliException($"Option '--frontier': '{frontier}' must look like CMIN:CMAX:POINTS.");
            double lo = OptionParser.Number(parts[0], "--frontier"), hi = OptionParser.Number(parts[1], "--frontier");
            double count = OptionParser.Number(parts[2], "--frontier");
            if (!(lo > 0) || !(hi > lo) || !(count >= 2) || count != Math.Floor(count))
                throw new CliException($"Option '--frontier': need 0 < CMIN < CMAX and a whole number of POINTS ≥ 2 (got '{frontier}').");
            if (count > BudgetAllocator.MaxFrontierPoints)
                throw new CliException($"Option '--frontier': {count:G6} points; at most {BudgetAllocator.MaxFrontierPoints:N0}.");
            int points = (int)count;
            var f = BudgetAllocator.Frontier(law, lo, hi, points);
            return format switch
            {
                OutputFormat.Json => MixturePlanJson.WriteFrontier(f) + "\n",
                OutputFormat.Csv => Csv.Table(["compute", "model_size", "tokens", "tokens_per_parameter", "loss"],
                    f.Points.Select(p => (IEnumerable<string?>)[Csv.Number(p.Compute), Csv.Number(p.ModelSize), Csv.Number(p.Tokens), Csv.Number(p.TokensPerParameter), Csv.Number(p.Loss)])),
                _ => FrontierTable(f),
            };
        }
        if (!budget.TryGetValue("C", out double c))
            throw new CliException($"Option '--budget': give the compute, e.g. --budget C=1e21 (law '{fit.Law.Name}' has no domain weights).");
        if (!(c > 0)) throw new CliException($"Option '--budget': C must be positive (got {c}).");
        var a = BudgetAllocator.Optimize(law, c);
        return format switch
        {
            OutputFormat.Json => MixturePlanJson.WriteAllocation(a) + "\n",
            OutputFormat.Csv => Csv.Table(["compute", "model_size", "tokens", "tokens_per_parameter", "loss", "method"],
                [[Csv.Number(a.Compute), Csv.Number(a.ModelSize), Csv.Number(a.Tokens), Csv.Number(a.TokensPerParameter), Csv.Number(a.Loss), a.Method.ToString()]]),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"Compute-optimal allocation for {fit.Law.Name} at C = {a.Compute:G4} FLOP (C = 6ND)\n  N = {a.ModelSize:G4} parameters\n  D = {a.Tokens:G4} tokens\n  D/N = {a.TokensPerParameter:F1} tokens per parameter\n  predicted loss = {a.Loss:F4}\n  method = {a.Method}{(a.AtRangeLimit ? " (at the search range limit)" : "")}\n"),
        };
    }

    private static string FrontierTable(ComputeFrontier f)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Compute-optimal frontier: N_opt ∝ C^{f.ModelSizeExponent:F3}, D_opt ∝ C^{f.TokensExponent:F3}"));
        sb.AppendLine("  C (FLOP)     N             D             D/N      loss");
        foreach (var p in f.Points)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Compute,-12:G4} {p.ModelSize,-13:G4} {p.Tokens,-13:G4} {p.TokensPerParameter,-8:F1} {p.Loss:F4}"));
        return sb.ToString();
    }

    private static MixtureProblem MixtureProblemFor(IReadOnlyList<FitResult> fits, IReadOnlyList<string> domains, IReadOnlyDictionary<string, double> budget, ParseResult parse,
        Option<string?> objective, MixtureConstraintOptions constraints,
        Option<string?> maxLoss, Option<string?> tolerance, Option<string[]> baseline)
    {
        var constants = new Dictionary<string, double>();
        TrainingBudget trainingBudget = TrainingBudget.None;
        if (budget.Count > 0)
        {
            if (budget.TryGetValue("C", out _)) throw new CliException("Option '--budget': mixture plans take N and D (e.g. --budget N=1B,D=20B), not C.");
            budget.TryGetValue("N", out double n); budget.TryGetValue("D", out double d);
            trainingBudget = new TrainingBudget(n > 0 ? n : null, d > 0 ? d : null);
        }
        MixtureModel model;
        try { model = MixtureModel.FromFits(domains, fits, constants); }
        catch (ArgumentException e) { throw new CliException("Option '--fit': " + e.Message); }
        return MixtureProblemFor(model, domains, trainingBudget, parse, objective, constraints, maxLoss, tolerance, baseline);
    }

    private static MixtureProblem MixtureProblemFor(MixtureModel model, IReadOnlyList<string> domains, TrainingBudget trainingBudget, ParseResult parse,
        Option<string?> objective, MixtureConstraintOptions constraints,
        Option<string?> maxLoss, Option<string?> tolerance, Option<string[]> baseline)
    {
        var names = model.Losses.Select(l => l.Name).ToList();
        return new MixtureProblem
        {
            Model = model,
            Objective = ParseObjective(parse.GetValue(objective), names),
            Budget = trainingBudget,
            LowerBounds = constraints.LowerBounds(parse, domains),
            UpperBounds = constraints.UpperBounds(parse, domains),
            Availability = constraints.AvailableTokens(parse, domains)
                .Select(p => new DataAvailability(p.Key, p.Value, parse.GetValue(constraints.MaxEpochs))).ToImmutableArray(),
            LossConstraints = LossConstraints(parse.GetValue(maxLoss), parse.GetValue(tolerance), names),
            Baselines = Baselines(parse.GetValue(baseline) ?? [], domains),
        };
    }

    private static MixtureObjective ParseObjective(string? text, IReadOnlyList<string> names)
    {
        if (text is null) return names.Count == 1 ? MixtureObjective.Target(names[0]) : MixtureObjective.WeightedSum(names.Select(n => KeyValuePair.Create(n, 1.0 / names.Count)));
        if (text == "sum") return MixtureObjective.WeightedSum(names.Select(n => KeyValuePair.Create(n, 1.0 / names.Count)));
        if (text == "worst") return MixtureObjective.Worst(names);
        if (text.StartsWith("target:", StringComparison.Ordinal))
        {
            var name = text["target:".Length..];
            if (!names.Contains(name)) throw new CliException($"Option '--objective': no loss '{name}'; the fits predict {string.Join(", ", names)}.");
            return MixtureObjective.Target(name);
        }
        if (text.StartsWith("weights:", StringComparison.Ordinal))
        {
            var weights = OptionParser.Assignments(text["weights:".Length..], "--objective");
            foreach (var k in weights.Keys)
                if (!names.Contains(k)) throw new CliException($"Option '--objective': no loss '{k}'; the fits predict {string.Join(", ", names)}.");
            return MixtureObjective.WeightedSum(weights);
        }
        throw new CliException($"Option '--objective': '{text}' is not one of target:LOSS, sum, weights:LOSS=w,..., worst.");
    }

    private static ImmutableArray<LossConstraint> LossConstraints(string? maxLoss, string? tolerance, IReadOnlyList<string> names)
    {
        var result = ImmutableArray.CreateBuilder<LossConstraint>();
        foreach (var (name, limit) in OptionParser.Assignments(maxLoss, "--max-loss"))
        {
            if (!names.Contains(name)) throw new CliException($"Option '--max-loss': no loss '{name}'; the fits predict {string.Join(", ", names)}.");
            result.Add(LossConstraint.AtMost(name, limit));
        }
        foreach (var (name, spec) in OptionParser.Mapping(tolerance, "--tolerance"))
        {
            if (!names.Contains(name)) throw new CliException($"Option '--tolerance': no loss '{name}'; the fits predict {string.Join(", ", names)}.");
            var (reference, tol) = OptionParser.Tolerance(spec, "--tolerance", name);
            result.Add(LossConstraint.WithinTolerance(name, reference, tol));
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<MixtureBaseline> Baselines(string[] specs, IReadOnlyList<string> domains)
    {
        var result = ImmutableArray.CreateBuilder<MixtureBaseline>();
        foreach (var spec in specs)
        {
            if (spec == "uniform") { result.Add(MixtureBaseline.Uniform(domains.Count)); continue; }
            if (File.Exists(spec))
            {
                var weights = DomainWeightsReader.Read(spec);
                try { result.Add(MixtureBaseline.FromDomainWeights(weights, domains)); }
                catch (ArgumentException e) { throw new CliException($"Option '--baseline': {spec}: {e.Message}"); }
                continue;
            }
            int colon = spec.IndexOf(':');
            if (colon <= 0) throw new CliException($"Option '--baseline': '{spec}' is not 'uniform', an existing file, or NAME:d=w,...");
            var values = MixtureConstraintOptions.DomainValues(spec[(colon + 1)..], "--baseline", domains);
            result.Add(new MixtureBaseline(spec[..colon], domains.Select(d => values.TryGetValue(d, out var v) ? v : 0)));
        }
        return result.ToImmutable();
    }

    internal static string PlanCsv(MixturePlan plan)
    {
        var header = new List<string> { "mixture" };
        header.AddRange(plan.Domains);
        header.Add("objective");
        var rows = new List<IEnumerable<string?>>();
        var optimum = new List<string?> { "optimum" };
        optimum.AddRange(plan.Weights.Select(w => Csv.Number(w)));
        optimum.Add(Csv.Number(plan.ObjectiveValue));
        rows.Add(optimum);
        foreach (var b in plan.Baselines)
        {
            var row = new List<string?> { b.Baseline.Name };
            row.AddRange(b.Baseline.Weights.Select(w => Csv.Number(w)));
            row.Add(Csv.Number(b.ObjectiveValue));
            rows.Add(row);
        }
        return Csv.Table(header, rows);
    }
}
