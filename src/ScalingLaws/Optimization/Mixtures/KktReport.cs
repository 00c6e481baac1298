namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// First-order optimality measures at a mixture, with multipliers μ of the loss constraints:
/// <see cref="Stationarity"/> = ‖P(h − ∇ₕℒ) − h‖∞ with ℒ = f + Σ μᵢgᵢ and P the projection onto the bounded
/// simplex (zero exactly when multipliers of Σh = 1 and of the bounds exist that make ∇ℒ vanish);
/// <see cref="Feasibility"/> = the largest constraint excess; <see cref="Complementarity"/> = maxᵢ μᵢ|gᵢ|.
/// For a worst-loss objective the stationarity also includes |1 − Σμᵢ| of the epigraph variable.
/// </summary>
/// <param name="Stationarity">Projected-gradient norm of the Lagrangian.</param>
/// <param name="Feasibility">Largest violation of any constraint (0 when feasible).</param>
/// <param name="Complementarity">Largest μᵢ·|gᵢ| over the loss constraints.</param>
/// <param name="SimplexMultiplier">λ of Σh = 1: the common value of ∂ℒ/∂hⱼ over domains strictly inside their bounds.</param>
public sealed record KktReport(double Stationarity, double Feasibility, double Complementarity, double SimplexMultiplier)
{
    /// <summary>max(stationarity, feasibility, complementarity).</summary>
    public double Residual => Math.Max(Stationarity, Math.Max(Feasibility, Complementarity));
}
