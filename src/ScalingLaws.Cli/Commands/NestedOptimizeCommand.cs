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
}
