using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Continual;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// A continual pre-training setting read from <see cref="CptOptions"/>: the fitted domain and general laws (either may
/// be absent until a decision needs it), N and D, the general-loss tolerance, and the library options.
/// </summary>
internal sealed record CptInputs
{
    private const string ModelSize = "N";
    private const string Tokens = "D";

    /// <summary>Fitted law of the domain loss, from <c>--domain-fit</c>.</summary>
    public FittedLaw? DomainLaw { get; init; }

    /// <summary>Fitted law of the general loss, from <c>--general-fit</c>.</summary>
    public FittedLaw? GeneralLaw { get; init; }

    /// <summary>N and D from <c>--budget</c> (keys <c>N</c>, <c>D</c>).</summary>
    public ImmutableDictionary<string, double> Budget { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>L_g⁰ and the allowed rise, from <c>--tolerance</c>.</summary>
    public (double PreTrainingLoss, LossTolerance Tolerance)? Tolerance { get; init; }

    /// <summary>Share variable, general-share convention, fixed variables, share range and scan points.</summary>
    public ContinualPretrainingOptions Options { get; init; } = ContinualPretrainingOptions.Default;

    /// <summary>Parses and checks the option values; loads the fit files that are given.</summary>
    public static CptInputs From(string? domainFit, string? generalFit, string? budget, string? tolerance, string shareVariable,
        string generalShare, string? fixedValues, string? shareRange, int scanPoints)
    {
        if (string.IsNullOrWhiteSpace(shareVariable)) throw new CliException("Option '--share-variable': give a variable name, e.g. r.");
        var budgetValues = OptionParser.Assignments(budget, "--budget");
        foreach (var (name, value) in budgetValues)
        {
            if (name is not (ModelSize or Tokens)) throw new CliException($"Option '--budget': '{name}' is not N or D; give e.g. --budget N=1.8B,D=10B.");
            if (!(value > 0) || !double.IsFinite(value)) throw new CliException($"Option '--budget': {name} must be a positive number (got {value}).");
        }
        if (scanPoints < 3) throw new CliException($"Option '--scan-points': need at least 3 (got {scanPoints}).");
        var (minShare, maxShare) = ShareRange(shareRange);
        var fixedMap = OptionParser.Assignments(fixedValues, "--fixed");
        var domain = domainFit is null ? null : Load(domainFit, "--domain-fit", shareVariable, fixedMap);
        var general = generalFit is null ? null : Load(generalFit, "--general-fit", shareVariable, fixedMap);
        bool generalUsesDomainShare = generalShare switch
        {
            "domain" => true,
            "general" => false,
            _ => general is not null && ShareName(general, shareVariable) == "R",
        };
        return new CptInputs
        {
            DomainLaw = domain,
            GeneralLaw = general,
            Budget = budgetValues,
            Tolerance = tolerance is null ? null : OptionParser.Tolerance(tolerance, "--tolerance"),
            Options = new ContinualPretrainingOptions
            {
                ShareVariable = shareVariable, GeneralLawUsesDomainShare = generalUsesDomainShare, Fixed = fixedMap,
                ScanPoints = scanPoints, MinShare = minShare, MaxShare = maxShare,
            },
        };
    }

    /// <summary>The domain law, or a message naming <c>--domain-fit</c> and what needs it.</summary>
    public FittedLaw RequireDomain(string purpose) => DomainLaw ?? throw new CliException($"Option '--domain-fit' is required for {purpose}.");

    /// <summary>The general law, or a message naming <c>--general-fit</c> and what needs it.</summary>
    public FittedLaw RequireGeneral(string purpose) => GeneralLaw ?? throw new CliException($"Option '--general-fit' is required for {purpose}.");

    /// <summary>The tolerance, or a message naming <c>--tolerance</c> and what needs it.</summary>
    public (double PreTrainingLoss, LossTolerance Tolerance) RequireTolerance(string purpose) =>
        Tolerance ?? throw new CliException($"Option '--tolerance' is required for {purpose}, e.g. --tolerance 2.86:+3% or 2.86:+0.05.");

    /// <summary>N from <c>--budget</c> when one of <paramref name="laws"/> reads it, else NaN.</summary>
    public double ModelSizeFor(params FittedLaw?[] laws) => BudgetValue(ModelSize, laws, "--budget N=1.8B");

    /// <summary>D from <c>--budget</c> when one of <paramref name="laws"/> reads it, else NaN.</summary>
    public double TokensFor(params FittedLaw?[] laws) => BudgetValue(Tokens, laws, "--budget D=10B");

    /// <summary>Rejects a <c>--budget</c> entry that the decision sets itself.</summary>
    public void Reject(string variable, string reason)
    {
        if (Budget.ContainsKey(variable)) throw new CliException($"Option '--budget': do not give {variable} here; {reason}.");
    }

    private double BudgetValue(string variable, FittedLaw?[] laws, string example)
    {
        var reader = laws.FirstOrDefault(l => l is not null && l.Law.Variables.Contains(variable));
        if (reader is null) return double.NaN;
        return Budget.TryGetValue(variable, out double value) ? value
            : throw new CliException($"Option '--budget': law '{reader.Law.Name}' ({reader.Name}) reads {variable}; give it, e.g. {example}.");
    }

    private static (double Min, double Max) ShareRange(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (0, 1);
        var parts = text.Split(':');
        if (parts.Length != 2) throw new CliException($"Option '--share-range': '{text}' must look like MIN:MAX, e.g. 0.05:0.95.");
        double lo = OptionParser.Number(parts[0], "--share-range"), hi = OptionParser.Number(parts[1], "--share-range");
        if (!(lo >= 0 && hi <= 1 && lo < hi)) throw new CliException($"Option '--share-range': need 0 ≤ MIN < MAX ≤ 1 (got '{text}').");
        return (lo, hi);
    }

    private static FittedLaw Load(string path, string option, string shareVariable, ImmutableDictionary<string, double> fixedValues)
    {
        var fits = SavedFits.Load(path, option);
        if (fits.Count != 1) throw new CliException($"Option '{option}': '{path}' holds {fits.Count} fits; give a file with exactly one.");
        var law = FittedLaw.From(fits[0]);
        var variables = law.Law.Variables;
        string share = ShareName(law, shareVariable);
        if (!variables.Contains(share))
            throw new CliException($"Option '{option}': law '{law.Law.Name}' in '{path}' reads {string.Join(", ", variables)}; "
                + $"continual pre-training needs the share variable '{shareVariable}' (set it with --share-variable).");
        foreach (var v in variables)
            if (v != share && v is not (ModelSize or Tokens) && !fixedValues.ContainsKey(v))
                throw new CliException($"Option '--fixed': law '{law.Law.Name}' in '{path}' reads '{v}'; give its value, e.g. --fixed {v}=1.");
        return law;
    }

    /// <summary>The library's rule: the share variable, or <c>R</c> for a law without <c>r</c> that reads <c>R</c>.</summary>
    private static string ShareName(FittedLaw law, string shareVariable) =>
        !law.Law.Variables.Contains(shareVariable) && shareVariable == "r" && law.Law.Variables.Contains("R") ? "R" : shareVariable;
}
