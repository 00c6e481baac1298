using System.CommandLine;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Nested;
using ScalingLaws.Plotting.Nested;
using ScalingLaws.Serialization;
using ScalingLaws.Uncertainty;
using ScalingLaws.Optimization.Bootstrapping;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Cli.Commands;

/// <summary>
/// <c>optimize --nested</c>: the optimal mixture at the target scale, under every constraint of <c>optimize</c>;
/// with <c>--bootstrap</c> the intervals propagate all three stages (<see cref="NestedBootstrap"/>).
/// </summary>
internal static class NestedOptimizeCommand
{
    public static int Run(CliContext context, ParseResult parse, NestedCliOptions nested, DataOptions data,
        Func<MixtureModel, IReadOnlyList<string>, TrainingBudget, MixtureProblem> problemFor)
    {
        if (parse.GetValue<string?>("--fit") is not null) throw new CliException("Option '--fit' cannot be combined with --nested (the fits come from --data).");
        if (parse.GetValue<string?>("--budget") is not null) throw new CliException("Option '--budget' cannot be combined with --nested; give the target with --target-scale.");
        int seed = parse.GetValue<int>("--seed"), threads = parse.GetValue<int>("--threads");
        var (table, options) = nested.Build(parse, data, seed, threads);
        var fit = NestedPipeline.Fit(table, options);
        foreach (var w in fit.Warnings) context.Error.WriteLine("warning: " + w);
        var budget = new TrainingBudget(options.TargetModelSize, options.TargetStep * NestedCliOptions.TokensPerStep(table));
        var problem = problemFor(fit.Model, options.Domains, budget);
        if (parse.GetValue<string?>("--objective") is null && !options.TotalWeights.IsEmpty)
            problem = problem with { Objective = MixtureObjective.WeightedSum(options.TotalWeights) };
        if (!parse.GetValue(nested.Extrapolate)) problem = WithinFittedRange(problem, fit);
        var mixtureOptions = new MixtureOptimizerOptions { Seed = seed, MaxDegreeOfParallelism = threads };
        int replicates = parse.GetValue<int>("--bootstrap");
        MixturePlan plan;
        if (replicates > 0)
        {
            var bootOptions = new BootstrapOptions { Replicates = replicates, Seed = seed, MaxDegreeOfParallelism = threads };
            plan = BootstrapOptimum.Mixture(problem, NestedBootstrap.Run(fit, bootOptions), bootOptions, mixtureOptions);
        }
        else plan = MixtureOptimizer.Optimize(problem, mixtureOptions);
        var text = parse.GetValue<OutputFormat>("--format") switch
        {
            OutputFormat.Json => MixturePlanJson.Write(plan) + "\n",
            OutputFormat.Csv => OptimizeCommand.PlanCsv(plan),
            _ => NestedOutput.Stages(fit) + "\n" + plan.Report(),
        };
        if (parse.GetValue(nested.Plots) is string folder)
            NestedFigures.WriteReport(folder, fit, NestedOutput.Stages(fit), NestedPrediction.For(fit, []), plan);
        ResultWriter.Write(context, parse.GetValue<string?>("--output"), text);
        if (!plan.IsFeasible) throw new CliException("No mixture satisfies the constraints: " + plan.Message);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Bounds every weight by the range the fitted mixtures span (intersected with the user's bounds): outside it the
    /// mixture laws extrapolate and their optimum is a corner the data do not support. A user bound that leaves no
    /// overlap is kept as given.
    /// </summary>
    private static MixtureProblem WithinFittedRange(MixtureProblem problem, NestedFit fit)
    {
        var lower = problem.LowerBounds.ToBuilder();
        var upper = problem.UpperBounds.ToBuilder();
        for (int j = 0; j < fit.Options.Domains.Length; j++)
        {
            string d = fit.Options.Domains[j];
            double lo = Math.Max(problem.LowerBounds.GetValueOrDefault(d, 0), fit.Mixtures.Min(m => m[j]));
            double hi = Math.Min(problem.UpperBounds.GetValueOrDefault(d, 1), fit.Mixtures.Max(m => m[j]));
            if (lo > hi) continue;
            lower[d] = lo;
            upper[d] = hi;
        }
        return problem with { LowerBounds = lower.ToImmutable(), UpperBounds = upper.ToImmutable() };
    }
}
