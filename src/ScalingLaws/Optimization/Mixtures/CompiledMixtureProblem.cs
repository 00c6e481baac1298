using System.Collections.Immutable;
using System.Globalization;

using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Solvers;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>A <see cref="MixtureProblem"/> validated and resolved to indices and arrays.</summary>
internal sealed class CompiledMixtureProblem
{
    private CompiledMixtureProblem(MixtureProblem problem) => Problem = problem;

    public MixtureProblem Problem { get; }
    public int K { get; private set; }
    public int M { get; private set; }
    public double[] Lower { get; private set; } = [];
    public double[] Upper { get; private set; } = [];
    public double[] UserUpper { get; private set; } = [];
    public double[] AvailabilityCap { get; private set; } = [];
    public DataAvailability?[] AvailabilityOf { get; private set; } = [];
    public double[] Unique { get; private set; } = [];
    public double ModelSize { get; private set; } = double.NaN;
    public double Tokens { get; private set; } = double.NaN;
    public RepetitionPricing? Pricing { get; private set; }
    public ObjectiveKind Kind { get; private set; }
    public int[] ObjectiveLosses { get; private set; } = [];
    public double[] ObjectiveWeights { get; private set; } = [];
    public int[] ConstraintLosses { get; private set; } = [];
    public double[] ConstraintLimits { get; private set; } = [];
    public bool Epigraph => Kind == ObjectiveKind.Worst;
    public ImmutableArray<string> Domains => Problem.Model.Domains;

    /// <summary>Validates the problem; throws <see cref="ArgumentException"/> on programmer errors (unknown names, missing budget).</summary>
    public static CompiledMixtureProblem Create(MixtureProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(problem.Model);
        ArgumentNullException.ThrowIfNull(problem.Objective);
        var c = new CompiledMixtureProblem(problem);
        var model = problem.Model;
        int k = c.K = model.Domains.Length;
        c.M = model.Losses.Length;
        if (c.M == 0) throw new ArgumentException("The mixture model predicts no loss; add at least one fitted law.");
        c.ModelSize = problem.Budget.ModelSize ?? double.NaN;
        c.Tokens = problem.Budget.Tokens ?? double.NaN;
        foreach (var loss in model.Losses)
            foreach (var b in loss.Bindings)
            {
                if (b.Source == VariableSource.ModelSize && double.IsNaN(c.ModelSize))
                    throw new ArgumentException($"Loss '{loss.Name}' reads the model size N; give it in the budget (TrainingBudget.At(N, D)).");
                if (b.Source == VariableSource.Tokens && double.IsNaN(c.Tokens))
                    throw new ArgumentException($"Loss '{loss.Name}' reads the training tokens D; give them in the budget (TrainingBudget.At(N, D)).");
            }

        // Objective.
        var objective = problem.Objective;
        c.Kind = objective.Kind;
        if (objective.Kind == ObjectiveKind.Worst && objective.Losses.IsEmpty)
        {
            c.ObjectiveLosses = Enumerable.Range(0, c.M).ToArray();
            c.ObjectiveWeights = Enumerable.Repeat(1.0, c.M).ToArray();
        }
        else
        {
            c.ObjectiveLosses = objective.Losses.Select(model.IndexOfLoss).ToArray();
            c.ObjectiveWeights = objective.Weights.ToArray();
            var dup = c.ObjectiveLosses.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) throw new ArgumentException($"Loss '{model.Losses[dup.Key].Name}' appears twice in the objective.");
        }

        // Bounds.
        var lower = new double[k];
        var upper = Enumerable.Repeat(1.0, k).ToArray();
        foreach (var (domain, value) in problem.LowerBounds)
        {
            int j = model.IndexOfDomain(domain);
            if (!(value >= 0 && value <= 1))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The lower bound of '{domain}' ({value}) must lie in [0, 1]."));
            lower[j] = value;
        }
        foreach (var (domain, value) in problem.UpperBounds)
        {
            int j = model.IndexOfDomain(domain);
            if (!(value >= 0 && value <= 1))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The upper bound of '{domain}' ({value}) must lie in [0, 1]."));
            upper[j] = value;
        }
        c.UserUpper = (double[])upper.Clone();
        c.AvailabilityCap = Enumerable.Repeat(double.PositiveInfinity, k).ToArray();
        c.AvailabilityOf = new DataAvailability?[k];
        c.Unique = Enumerable.Repeat(double.NaN, k).ToArray();
        foreach (var a in problem.Availability)
        {
            int j = model.IndexOfDomain(a.Domain);
            if (c.AvailabilityOf[j] is not null) throw new ArgumentException($"Domain '{a.Domain}' has two availability entries.");
            if (double.IsNaN(c.Tokens))
                throw new ArgumentException($"Data availability of '{a.Domain}' needs the training tokens D; give them in the budget (TrainingBudget.At(N, D)).");
            c.AvailabilityOf[j] = a;
            c.Unique[j] = a.UniqueTokens;
            c.AvailabilityCap[j] = a.MaxWeight(c.Tokens);
            upper[j] = Math.Min(upper[j], c.AvailabilityCap[j]);
        }
        c.Lower = lower;
        c.Upper = upper;
        c.Pricing = problem.Repetition;
        if (c.Pricing is not null && double.IsNaN(c.Tokens))
            throw new ArgumentException("Repetition pricing needs the training tokens D; give them in the budget (TrainingBudget.At(N, D)).");

        // Loss constraints.
        c.ConstraintLosses = problem.LossConstraints.Select(lc => model.IndexOfLoss(lc.Loss)).ToArray();
        c.ConstraintLimits = problem.LossConstraints.Select(lc => lc.Limit).ToArray();

        foreach (var b in problem.Baselines)
            if (b.Weights.Length != k)
                throw new ArgumentException($"Baseline '{b.Name}' has {b.Weights.Length} weights; the model has {k} domains ({string.Join(", ", model.Domains)}).");
        return c;
    }

    /// <summary>Why the bounds and availability leave no point on the simplex, or null.</summary>
    public string? LinearInfeasibility()
    {
        var problems = new List<string>();
        for (int j = 0; j < K; j++)
            if (Lower[j] > Upper[j])
                problems.Add(F($"'{Domains[j]}' must be ≥ {Lower[j]:G6} (lower bound) but ≤ {Upper[j]:G6} ({UpperSourceText(j)})"));
        if (problems.Count > 0) return "No mixture satisfies the bounds: " + string.Join("; ", problems) + ".";
        double sumLower = Lower.Sum(), sumUpper = Upper.Sum();
        if (sumLower > 1 + 1e-12)
            return F($"No mixture satisfies the bounds: the lower bounds sum to {sumLower:G6} > 1 (")
                + string.Join(", ", Enumerable.Range(0, K).Where(j => Lower[j] > 0).Select(j => F($"'{Domains[j]}' ≥ {Lower[j]:G6}"))) + ").";
        if (sumUpper < 1 - 1e-12)
            return F($"No mixture satisfies the bounds: the upper bounds sum to {sumUpper:G6} < 1 (")
                + string.Join(", ", Enumerable.Range(0, K).Select(j => F($"'{Domains[j]}' ≤ {Upper[j]:G6}") + (AvailabilityCap[j] <= UserUpper[j] ? " [" + UpperSourceText(j) + "]" : ""))) + ").";
        return null;
    }

    /// <summary>Whether the upper bound of domain j comes from data availability.</summary>
    public bool UpperFromAvailability(int j) => AvailabilityCap[j] <= UserUpper[j];

    public string UpperSourceText(int j)
    {
        var a = AvailabilityOf[j];
        return a is not null && UpperFromAvailability(j)
            ? F($"data availability: {a.UniqueTokens:G4} unique tokens × {a.MaxEpochs:G4} epochs at D = {Tokens:G4}")
            : "upper bound";
    }

    public string ConstraintDescription(int q) => Problem.LossConstraints[q].Describe();

    /// <summary>The objective from the loss values.</summary>
    public double ObjectiveOf(ReadOnlySpan<double> losses)
    {
        if (Kind == ObjectiveKind.Worst)
        {
            double worst = double.NegativeInfinity;
            foreach (int i in ObjectiveLosses) worst = Math.Max(worst, losses[i]);
            return worst;
        }
        double sum = 0;
        for (int q = 0; q < ObjectiveLosses.Length; q++) sum += ObjectiveWeights[q] * losses[ObjectiveLosses[q]];
        return sum;
    }

    /// <summary>The largest excess of a loss over its limit (≤ 0 when every loss constraint holds).</summary>
    public double LossExcess(ReadOnlySpan<double> losses)
    {
        double worst = double.NegativeInfinity;
        for (int q = 0; q < ConstraintLosses.Length; q++) worst = Math.Max(worst, losses[ConstraintLosses[q]] - ConstraintLimits[q]);
        return worst;
    }

    /// <summary>The loss values at arbitrary weights (one per domain).</summary>
    public double[] Losses(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != K) throw new ArgumentException($"{weights.Count} weights for {K} domains ({string.Join(", ", Domains)}).", nameof(weights));
        var evaluator = new MixtureEvaluator(this, [Problem.Model]);
        var values = new double[M];
        evaluator.Evaluate(weights.ToArray(), values, Span<double>.Empty);
        return values;
    }

    /// <summary>Projects onto the bounded simplex (requires <see cref="LinearInfeasibility"/> to be null).</summary>
    public void Project(Span<double> h) => SimplexProjection.Project(h, Lower, Upper, h);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
