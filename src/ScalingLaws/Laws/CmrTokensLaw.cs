namespace ScalingLaws.Laws;

/// <summary>
/// The CMR scaling law in the token budget: R_CMR(T) = a·T^s + b, the critical mixture ratio (largest
/// domain share whose general loss stays within tolerance) as a function of the training budget.
/// </summary>
/// <remarks>
/// <para>Variable: <c>T</c>, the continual-pre-training token budget, in the unit used for the fit (the
/// paper's Table 5 uses units of 0.2B tokens, so T = 100 is 20B tokens); a depends on that unit.
/// Output: the critical mixture ratio as a fraction in [0, 1].</para>
/// <para>Parameters: <c>a</c>, <c>s</c>, <c>b</c>, all of either sign (Table 5 has negative a and s for the
/// 1.6B and 3.1B models). Table 5 (Finance): 460M (0.22524761, 0.26944345, −0.48139982),
/// 940M (0.7520627, 0.13720245, −1.06581937), 1.6B (−2.36384831, −0.15125569, 1.59223649),
/// 3.1B (−2.5368197, −0.42071423, 0.84375368); at T = 100 they give 29.76%, 34.89%, 41.43%, 47.83%.</para>
/// <para>Recipe: least squares on linear residuals; 10 starts with s ∈ {−1, −0.5, −0.25, −0.1, 0.1, 0.2,
/// 0.25, 0.5, 1, 2} and a, b the least-squares line through (T^s, R).</para>
/// <para>Citation: Gu et al. 2024, "CMR Scaling Law", EMNLP 2024, arXiv:2407.17467, Eq. 8 and Table 5.</para>
/// </remarks>
public sealed class CmrTokensLaw() : OffsetPowerLaw("cmr-tokens", "T",
    [
        new("a", Initial: 0.5, Description: "amplitude a (fraction per unit of T^s, either sign)"),
        new("s", Initial: 0.2, Description: "token exponent s (dimensionless, either sign)"),
        new("b", Initial: -0.5, Description: "offset b (fraction)"),
    ],
    "Gu et al. 2024, \"CMR Scaling Law: Predicting Critical Mixture Ratios for Continual Pre-training of Language Models\", EMNLP 2024, arXiv:2407.17467, Eq. 8 and Table 5.");
