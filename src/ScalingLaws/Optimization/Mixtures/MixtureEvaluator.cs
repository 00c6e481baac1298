using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Solvers;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// Evaluates every loss of a compiled problem at weights h, and optionally ∂Lᵢ/∂hⱼ (row-major M × K).
/// With several models (a bootstrap ensemble) each loss is the mean over the models. With repetition
/// pricing the laws see the effective weights and tokens, and the chain rule runs through them.
/// Not thread-safe: create one per thread.
/// </summary>
internal sealed class MixtureEvaluator
{
    private sealed class Term
    {
        public required IScalingLaw Law { get; init; }
        public required double[][] Thetas { get; init; }
        public required VariableBinding[] Bindings { get; init; }
        public required bool[] Needed { get; init; }
        public required bool[] NonNegative { get; init; }
    }

    private readonly CompiledMixtureProblem _p;
    private readonly Term[] _terms;
    private readonly int _k, _m;
    private readonly double[] _hEff, _tokenRate, _jacobian, _x, _dx, _dxSum;

    public MixtureEvaluator(CompiledMixtureProblem problem, IReadOnlyList<MixtureModel> models)
    {
        _p = problem;
        _k = problem.K;
        _m = problem.M;
        var reference = problem.Problem.Model;
        bool pricing = problem.Pricing is not null;
        _terms = new Term[_m];
        int maxVariables = 1;
        for (int i = 0; i < _m; i++)
        {
            var loss = reference.Losses[i];
            var bindings = loss.Bindings.ToArray();
            _terms[i] = new Term
            {
                Law = loss.Law.Law,
                Thetas = models.Select(m => m.Losses[i].Law.Parameters.ToArray()).ToArray(),
                Bindings = bindings,
                Needed = bindings.Select(b => b.Source == VariableSource.Weight || (pricing && b.Source == VariableSource.Tokens)).ToArray(),
                NonNegative = bindings.Select(b => b.Source == VariableSource.Weight).ToArray(),
            };
            maxVariables = Math.Max(maxVariables, bindings.Length);
        }
        _hEff = new double[_k];
        _tokenRate = new double[_k];
        _jacobian = pricing ? new double[_k * _k] : [];
        _x = new double[maxVariables];
        _dx = new double[maxVariables];
        _dxSum = new double[maxVariables];
    }

    /// <summary>Model evaluations so far (one per loss per ensemble member).</summary>
    public long Evaluations { get; private set; }

    /// <summary>Fills <paramref name="values"/> (M) and, when not empty, <paramref name="gradients"/> (M × K); returns whether all values are finite.</summary>
    public bool Evaluate(ReadOnlySpan<double> h, Span<double> values, Span<double> gradients)
    {
        bool withGradient = !gradients.IsEmpty;
        double tokens = Effective(h, withGradient);
        if (withGradient) gradients.Clear();
        bool finite = true;
        for (int i = 0; i < _m; i++)
        {
            var term = _terms[i];
            int n = term.Bindings.Length;
            var x = _x.AsSpan(0, n);
            for (int v = 0; v < n; v++)
            {
                var b = term.Bindings[v];
                x[v] = b.Source switch
                {
                    VariableSource.Weight => _hEff[b.Domain],
                    VariableSource.ModelSize => _p.ModelSize,
                    VariableSource.Tokens => tokens,
                    _ => b.Value,
                };
            }
            double sum = 0;
            int count = term.Thetas.Length;
            if (!withGradient)
            {
                foreach (var theta in term.Thetas) sum += term.Law.Evaluate(theta, x);
            }
            else
            {
                var dx = _dx.AsSpan(0, n);
                var dxSum = _dxSum.AsSpan(0, n);
                dxSum.Clear();
                foreach (var theta in term.Thetas)
                {
                    sum += VariableDerivatives.Evaluate(term.Law, theta, x, dx, term.Needed, term.NonNegative);
                    for (int v = 0; v < n; v++) dxSum[v] += dx[v];
                }
                var row = gradients.Slice(i * _k, _k);
                for (int v = 0; v < n; v++)
                {
                    double d = dxSum[v] / count;
                    if (d == 0) continue;
                    var b = term.Bindings[v];
                    if (b.Source == VariableSource.Weight)
                    {
                        if (_jacobian.Length == 0) row[b.Domain] += d;
                        else for (int j = 0; j < _k; j++) row[j] += d * _jacobian[b.Domain * _k + j];
                    }
                    else if (b.Source == VariableSource.Tokens && _jacobian.Length != 0)
                        for (int j = 0; j < _k; j++) row[j] += d * _tokenRate[j];
                }
            }
            Evaluations += count;
            values[i] = sum / count;
            if (!double.IsFinite(values[i])) finite = false;
        }
        return finite;
    }

    /// <summary>Sets the effective weights (and their Jacobian under pricing); returns the effective tokens.</summary>
    private double Effective(ReadOnlySpan<double> h, bool withGradient)
    {
        var pricing = _p.Pricing;
        if (pricing is null)
        {
            h.CopyTo(_hEff);
            return _p.Tokens;
        }
        double d = _p.Tokens, total = 0;
        for (int j = 0; j < _k; j++)
        {
            double trained = Math.Max(h[j], 0) * d;
            double rate = 1, effective = trained;
            if (!double.IsNaN(_p.Unique[j])) effective = pricing.EffectiveTokens(trained, _p.Unique[j], out rate);
            _hEff[j] = effective;
            _tokenRate[j] = rate * d;
            total += effective;
        }
        for (int j = 0; j < _k; j++) _hEff[j] /= total;
        if (withGradient)
            for (int i = 0; i < _k; i++)
                for (int j = 0; j < _k; j++)
                    _jacobian[i * _k + j] = ((i == j ? _tokenRate[j] : 0) - _hEff[i] * _tokenRate[j]) / total;
        return total;
    }
}
