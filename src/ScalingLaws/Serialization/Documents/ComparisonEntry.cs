namespace ScalingLaws.Serialization.Documents;

/// <summary>One law of a comparison.</summary>
/// <param name="Rank">Rank, 1 = best.</param>
/// <param name="Law">Label of the law.</param>
/// <param name="Parameters">Number of parameters k.</param>
/// <param name="Rss">Residual sum of squares.</param>
/// <param name="Aic">Akaike information criterion.</param>
/// <param name="Aicc">AIC with the small-sample correction.</param>
/// <param name="Bic">Bayesian information criterion.</param>
/// <param name="AkaikeWeight">Akaike weight exp(−ΔAIC/2)/Σ.</param>
/// <param name="Score">Value of the ranking criterion.</param>
/// <param name="Usable">Whether the fit converged.</param>
public sealed record ComparisonEntry(
    int Rank,
    string Law,
    int Parameters,
    double Rss,
    double Aic,
    double Aicc,
    double Bic,
    double AkaikeWeight,
    double Score,
    bool Usable);
