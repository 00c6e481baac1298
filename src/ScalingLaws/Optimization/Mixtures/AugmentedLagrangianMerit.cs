using ScalingLaws.Optimization.Solvers;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// The augmented-Lagrangian merit of a compiled mixture problem over z = h (or z = (h, t) for a
/// worst-loss objective, minimised in epigraph form: min t subject to Lᵢ(h) ≤ t):
/// Φ(z) = f(z) + (1/2ρ)·Σ_q [max(0, μ_q + ρ·c_q(z))² − μ_q²], with c_q the loss-limit excesses Lℓ − limit and
/// the epigraph constraints Lᵢ − t. The feasible set of z is the bounded simplex (× ℝ for t), projected exactly.
/// </summary>
internal sealed class AugmentedLagrangianMerit : IProjectedObjective
{
    private readonly CompiledMixtureProblem _p;
    private readonly MixtureEvaluator _evaluator;
    private readonly double[] _losses, _gradients;

    public AugmentedLagrangianMerit(CompiledMixtureProblem problem, MixtureEvaluator evaluator)
    {
        _p = problem;
        _evaluator = evaluator;
        _losses = new double[problem.M];
        _gradients = new double[problem.M * problem.K];
        ConstraintCount = problem.ConstraintLosses.Length + (problem.Epigraph ? problem.ObjectiveLosses.Length : 0);
        Multipliers = new double[ConstraintCount];
    }

    public int Dimension => _p.K + (_p.Epigraph ? 1 : 0);

    public int ConstraintCount { get; }

    public double[] Multipliers { get; }

    public double Penalty { get; set; } = 10;

    public MixtureEvaluator Evaluator => _evaluator;

    public double Evaluate(ReadOnlySpan<double> z, Span<double> gradient)
    {
        int k = _p.K;
        if (!_evaluator.Evaluate(z[..k], _losses, _gradients)) return double.NaN;
        gradient.Clear();
        double value;
        if (_p.Epigraph)
        {
            value = z[k];
            gradient[k] = 1;
        }
        else
        {
            value = 0;
            for (int q = 0; q < _p.ObjectiveLosses.Length; q++)
            {
                int i = _p.ObjectiveLosses[q];
                double w = _p.ObjectiveWeights[q];
                value += w * _losses[i];
                for (int j = 0; j < k; j++) gradient[j] += w * _gradients[i * k + j];
            }
        }
        double rho = Penalty;
        for (int q = 0; q < ConstraintCount; q++)
        {
            var (i, c, epigraph) = Constraint(q, z);
            double mu = Multipliers[q];
            double shifted = mu + rho * c;
            if (shifted > 0)
            {
                value += (shifted * shifted - mu * mu) / (2 * rho);
                for (int j = 0; j < k; j++) gradient[j] += shifted * _gradients[i * k + j];
                if (epigraph) gradient[k] -= shifted;
            }
            else value -= mu * mu / (2 * rho);
        }
        return value;
    }

    public void Project(Span<double> z) => _p.Project(z[.._p.K]);

    /// <summary>Evaluates the losses at h (and their gradients); returns whether finite.</summary>
    public bool EvaluateLosses(ReadOnlySpan<double> h, bool withGradient) =>
        _evaluator.Evaluate(h, _losses, withGradient ? _gradients : Span<double>.Empty);

    public ReadOnlySpan<double> Losses => _losses;

    public ReadOnlySpan<double> Gradients => _gradients;

    /// <summary>c_q at z from the last evaluated losses: (loss index, value, whether epigraph).</summary>
    public (int Loss, double Value, bool Epigraph) Constraint(int q, ReadOnlySpan<double> z)
    {
        int nc = _p.ConstraintLosses.Length;
        if (q < nc) return (_p.ConstraintLosses[q], _losses[_p.ConstraintLosses[q]] - _p.ConstraintLimits[q], false);
        int i = _p.ObjectiveLosses[q - nc];
        return (i, _losses[i] - z[_p.K], true);
    }
}
