namespace ScalingLaws.Laws;

/// <summary>
/// The CMR loss-versus-ratio law at a fixed token budget: L(R) = α·R^s + β, fitted separately to the
/// domain loss and to the general loss of continual pre-training.
/// </summary>
/// <remarks>
/// <para>Variable: <c>R</c>, the domain share of the continual-pre-training mixture, in (0, 1]
/// (R = |D_dom| / (|D_gen| + |D_dom|)). Output: validation loss in nats/token at the final budget T_max.</para>
/// <para>Parameters: <c>alpha</c> (nats/token), <c>s</c> (dimensionless), <c>beta</c> (nats/token), all of
/// either sign: the paper's domain-loss fits have α &lt; 0 and s ≈ 0.16–0.20.</para>
/// <para>Recipe: least squares on linear residuals (the paper reports MSE and R²); 10 starts with
/// s ∈ {−1, −0.5, −0.25, −0.1, 0.1, 0.2, 0.25, 0.5, 1, 2} and α, β the least-squares line through (R^s, L).</para>
/// <para>Use <see cref="Optimization.Continual.CriticalMixtureRatio"/> with the general-loss fit to find the critical
/// mixture ratio.</para>
/// <para>Citation: Gu et al. 2024, "CMR Scaling Law: Predicting Critical Mixture Ratios for Continual
/// Pre-training of Language Models", EMNLP 2024, arXiv:2407.17467, §5.1 and Table 2.</para>
/// </remarks>
public sealed class CmrRatioLaw() : OffsetPowerLaw("cmr-ratio", "R",
    [
        new("alpha", Initial: -0.2, Description: "amplitude α (nats/token, either sign)"),
        new("s", Initial: 0.2, Description: "ratio exponent s (dimensionless, either sign)"),
        new("beta", Initial: 1.7, Description: "offset β (nats/token)"),
    ],
    "Gu et al. 2024, \"CMR Scaling Law: Predicting Critical Mixture Ratios for Continual Pre-training of Language Models\", EMNLP 2024, arXiv:2407.17467, §5.1 and Table 2.");
