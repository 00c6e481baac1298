using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>
/// Fits several laws to the same runs and ranks them: for each law the number of rows n and free
/// parameters k, its own objective, AIC, AICc and BIC (from the residuals in one common space, so they
/// stay comparable when the laws were fitted with different losses), Akaike weights, in-sample errors
/// and, optionally, the errors on a held-out split and of a seeded k-fold cross-validation.
/// </summary>
/// <remarks>
/// Every law is fitted on the same rows: with <see cref="MissingValuePolicy.DropRow"/> a row missing a
/// value any law needs is dropped for all. The information criteria use the Gaussian likelihood of the
/// residuals at each law's fitted parameters (whatever loss produced them): n·ln(RSS/n) + penalty.
/// Laws whose fit did not converge rank after all that did.
/// </remarks>
public static class LawComparison
{
    /// <summary>Compares laws labelled by their catalogue names.</summary>
    /// <param name="laws">The laws (distinct names).</param>
    /// <param name="table">The runs.</param>
    /// <param name="target">Column of the observed loss.</param>
    /// <param name="options">How to compare; default <see cref="LawComparisonOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">No law, or two with the same name (use <see cref="LawCandidate"/> labels).</exception>
    /// <exception cref="DataException">A column is missing or holds text, or a used value is missing.</exception>
    /// <exception cref="FitSetupException">A law's fit cannot be set up.</exception>
    public static LawComparisonResult Compare(IReadOnlyList<IScalingLaw> laws, RunTable table, string target, LawComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(laws);
        return Compare(laws.Select(LawCandidate.Of).ToList(), table, target, options);
    }

    /// <summary>Compares the candidates on <paramref name="table"/>.</summary>
    /// <param name="candidates">The laws with labels and optional per-law fit options.</param>
    /// <param name="table">The runs.</param>
    /// <param name="target">Column of the observed loss.</param>
    /// <param name="options">How to compare; default <see cref="LawComparisonOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">No candidate, a repeated label, a split made for another table, or a ranking criterion whose data (split or folds) was not requested.</exception>
    /// <exception cref="DataException">A column is missing or holds text, or a used value is missing.</exception>
    /// <exception cref="FitSetupException">A law's fit cannot be set up.</exception>
    public static LawComparisonResult Compare(IReadOnlyList<LawCandidate> candidates, RunTable table, string target, LawComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(target);
        options ??= LawComparisonOptions.Default;
        Validate(candidates, table, options);
        var criterion = options.RankBy ?? (options.Split is not null ? ComparisonCriterion.HeldOutError
            : options.CrossValidationFolds > 0 ? ComparisonCriterion.CrossValidationError : ComparisonCriterion.Aic);

        // Rows usable by every law.
        var validation = options.Validation;
        IEnumerable<int> common = Enumerable.Range(0, table.RowCount);
        foreach (var c in candidates)
            common = common.Intersect(validation.UsableRows(table, c.Law, target));
        var rows = common.Order().ToArray();
        if (rows.Length == 0) throw new DataException("no row has every value the compared laws need.", table.Name);
        var split = options.Split is null ? null : options.Split.Restrict(rows);
        var folds = options.CrossValidationFolds > 0
            ? CrossValidation.KFoldSplits(rows.Length, options.CrossValidationFolds, options.Seed).Select(s => s.Remap(rows, table.RowCount)).ToList()
            : null;

        var scored = new List<Scored>();
        foreach (var c in candidates)
        {
            var lawOptions = validation with { Fit = c.Options ?? validation.Fit };
            var data = lawOptions.Bind(table, rows, c.Law, target);
            var fit = LevenbergMarquardt.Fit(c.Law, data, lawOptions.Fit);
            var predicted = fit.Predict(data);
            var heldOut = split is null ? null : RefitHeldOut(fit, data, rows, split, lawOptions.Fit);
            var crossValidated = folds is null ? null : CrossValidation.Run(c.Law, table, target, folds, lawOptions);
            scored.Add(new Scored(c, fit, predicted, data, heldOut, crossValidated));
        }
        return Rank(scored, criterion, options, target, rows.Length);
    }

    /// <summary>
    /// The held-out error of <paramref name="fit"/> (a fit to the bound <paramref name="rows"/> of the table): its law refitted
    /// on the split's fitting rows from the fit's optima (<see cref="HoldOut.Refit"/>, as <c>fit</c>'s scale hold-out is) and
    /// scored on its test rows; the result's rows are the table's.
    /// </summary>
    private static HoldOutResult RefitHeldOut(FitResult fit, FitData data, int[] rows, HoldOutSplit split, FitOptions options)
    {
        var position = new Dictionary<int, int>(rows.Length);
        for (int i = 0; i < rows.Length; i++) position[rows[i]] = i;
        var local = HoldOutSplit.FromTestRows(rows.Length, split.TestRows.Select(r => position[r]));
        return HoldOut.Refit(fit, data, local, options) with { FitRows = split.FitRows, TestRows = split.TestRows };
    }

    private sealed record Scored(LawCandidate Candidate, FitResult Fit, double[] Predicted, FitData Data,
        HoldOutResult? HeldOut, CrossValidationResult? CrossValidated);

    private static LawComparisonResult Rank(List<Scored> scored, ComparisonCriterion criterion, LawComparisonOptions options, string target, int n)
    {
        var space = options.InformationSpace;
        var info = scored.Select(s =>
        {
            double rss = 0;
            var y = s.Data.Y;
            var w = s.Data.Weights;
            for (int i = 0; i < y.Length; i++)
            {
                double r = Metrics.Residual(y[i], s.Predicted[i], space);
                rss += (w.IsEmpty ? 1 : w[i]) * r * r;
            }
            int k = s.Fit.Statistics.FreeParameters;
            double logLikelihoodTerm = n * Math.Log(rss / n);
            double aic = logLikelihoodTerm + 2 * k;
            double aicc = n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : double.NaN;
            double bic = logLikelihoodTerm + k * Math.Log(n);
            return (Rss: rss, Aic: aic, Aicc: aicc, Bic: bic);
        }).ToList();
        bool Usable(int i) => scored[i].Fit.IsUsable && double.IsFinite(info[i].Aic);
        var usable = Enumerable.Range(0, scored.Count).Where(Usable).ToList();
        double minAic = usable.Count > 0 ? usable.Min(i => info[i].Aic) : double.NaN;
        double minBic = usable.Count > 0 ? usable.Min(i => info[i].Bic) : double.NaN;
        double weightSum = usable.Sum(i => Math.Exp(-(info[i].Aic - minAic) / 2));

        double Score(int i)
        {
            var s = scored[i];
            return criterion switch
            {
                ComparisonCriterion.Aic => info[i].Aic,
                ComparisonCriterion.Aicc => info[i].Aicc,
                ComparisonCriterion.Bic => info[i].Bic,
                ComparisonCriterion.HeldOutError => s.HeldOut!.TestMetrics.Error(options.ErrorMetric),
                _ => s.CrossValidated!.Pooled.Error(options.ErrorMetric),
            };
        }

        var order = Enumerable.Range(0, scored.Count)
            .Select(i => (Index: i, Score: Score(i), Usable: IsRankable(scored[i], Score(i))))
            .OrderBy(t => t.Usable ? 0 : 1).ThenBy(t => double.IsNaN(t.Score) ? double.PositiveInfinity : t.Score).ThenBy(t => t.Index)
            .ToList();
        var rows = order.Select((t, rank) =>
        {
            var s = scored[t.Index];
            var (rss, aic, aicc, bic) = info[t.Index];
            return new LawComparisonRow
            {
                Rank = rank + 1, Label = s.Candidate.Label, Law = s.Candidate.Law, Fit = s.Fit,
                ResidualSumOfSquares = rss, Aic = aic, Aicc = aicc, Bic = bic,
                DeltaAic = aic - minAic, DeltaBic = bic - minBic,
                AkaikeWeight = Usable(t.Index) && weightSum > 0 ? Math.Exp(-(aic - minAic) / 2) / weightSum : 0,
                InSample = PredictionMetrics.Compute(s.Data.Y, s.Predicted, s.Fit.Loss, s.Fit.Space),
                HeldOut = s.HeldOut, CrossValidated = s.CrossValidated, Score = t.Score,
            };
        }).ToImmutableArray();

        var warnings = ImmutableArray.CreateBuilder<string>();
        var recipes = scored.Select(s => (s.Fit.Loss.ToText(), s.Fit.Space)).Distinct().Count();
        if (recipes > 1)
            warnings.Add("The laws were fitted with different losses or residual spaces, so their objectives are not comparable; AIC and BIC use "
                + space.ToString().ToLowerInvariant() + " residuals for all.");
        foreach (var s in scored.Where(s => !s.Fit.IsUsable))
            warnings.Add($"'{s.Candidate.Label}' did not converge ({s.Fit.Termination.Describe()}); it is ranked last.");
        return new LawComparisonResult
        {
            Rows = rows, Criterion = criterion, ErrorMetric = options.ErrorMetric, Target = target, Count = n,
            Warnings = warnings.ToImmutable(),
        };
    }

    private static bool IsRankable(Scored s, double score) =>
        s.Fit.IsUsable && (s.HeldOut?.IsUsable ?? true) && (s.CrossValidated?.AllUsable ?? true) && !double.IsNaN(score);

    private static void Validate(IReadOnlyList<LawCandidate> candidates, RunTable table, LawComparisonOptions options)
    {
        if (candidates.Count == 0) throw new ArgumentException("There are no laws to compare.", nameof(candidates));
        var duplicate = candidates.GroupBy(c => c.Label, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two laws are labelled '{duplicate.Key}'; give each candidate its own label.", nameof(candidates));
        if (options.Split is { } split && split.RowCount != table.RowCount)
            throw new ArgumentException($"The split was made for {split.RowCount} rows but the table has {table.RowCount}.", nameof(options));
        if (options.CrossValidationFolds is < 0 or 1)
            throw new ArgumentException($"CrossValidationFolds ({options.CrossValidationFolds}) must be 0 (none) or at least 2.", nameof(options));
        if (options.RankBy == ComparisonCriterion.HeldOutError && options.Split is null)
            throw new ArgumentException("Ranking by held-out error needs a split (LawComparisonOptions.Split).", nameof(options));
        if (options.RankBy == ComparisonCriterion.CrossValidationError && options.CrossValidationFolds == 0)
            throw new ArgumentException("Ranking by cross-validation error needs CrossValidationFolds ≥ 2.", nameof(options));
    }
}
