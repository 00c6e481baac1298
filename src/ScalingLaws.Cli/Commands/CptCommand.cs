using System.CommandLine;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Serialization;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Continual;

namespace ScalingLaws.Cli.Commands;

/// <summary>
/// <c>scaling-laws cpt</c>: continual pre-training decisions from fitted laws of the domain and the general loss
/// (D-CPT, Que et al. 2024; CMR, Gu et al. 2024): the trade-off share under a general-loss limit (default),
/// limited domain data (<c>--domain-tokens</c>), compute allocation at a share (<c>--compute</c>), the critical
/// mixture ratio (<c>--cmr</c>) and its curve against tokens (<c>--tokens-range</c>), and the Pareto front (<c>--pareto</c>).
/// </summary>
internal static class CptCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var cpt = new CptOptions();
        var domainTokens = new Option<string?>("--domain-tokens") { Description = "Usage 2, limited domain data: the domain tokens D_d available; trains on D = D_d/r_d" };
        var compute = new Option<string?>("--compute") { Description = "Usage 3, allocation: compute C (FLOP, C = 6ND) to split into N and D for the domain loss at --share" };
        var share = new Option<string?>("--share") { Description = "Domain share r_d at which --compute allocates" };
        var cmr = new Option<bool>("--cmr") { Description = "The critical mixture ratio at --budget: the largest domain share meeting --tolerance" };
        var tokensRange = new Option<string?>("--tokens-range") { Description = "The critical mixture ratio against tokens: DMIN:DMAX:POINTS, spaced evenly in log" };
        var cmrFit = new Option<string?>("--cmr-fit") { Description = "With --tokens-range: a fitted cmr-tokens law R_CMR(T) = a·T^s + b instead of --general-fit (T in the law's unit)" };
        var pareto = new Option<string?>("--pareto") { Description = "The Pareto front of domain against general loss at --budget, from POINTS evenly spaced shares (≥ 2)" };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command("cpt", """
            Continual pre-training decisions from fits of the domain loss and the general loss over the domain
            share r (D-CPT, Que et al. 2024; CMR, Gu et al. 2024). Without a decision option: the domain share
            minimising the domain loss with the general loss within --tolerance (D-CPT usage 1).

            Examples:
              scaling-laws cpt --domain-fit domain.json --general-fit general.json --budget N=1.8B,D=10B --tolerance 2.86:+3%
              scaling-laws cpt --domain-fit domain.json --budget N=1.8B --domain-tokens 2B
              scaling-laws cpt --domain-fit domain.json --compute 1e21 --share 0.3
              scaling-laws cpt --general-fit general.json --budget N=1.8B,D=10B --tolerance 2.86:+0.05 --cmr
              scaling-laws cpt --general-fit general.json --budget N=1.8B --tolerance 2.86:+0.05 --tokens-range 1B:100B:9
              scaling-laws cpt --cmr-fit cmr-tokens.json --tokens-range 25:100:4
              scaling-laws cpt --domain-fit domain.json --general-fit general.json --budget N=1.8B,D=10B --pareto 21 --format csv
            """)
        { domainTokens, compute, share, cmr, tokensRange, cmrFit, pareto, format, output };
        cpt.AddTo(command);
        command.SetAction((parse, _) => CliApp.Guard(context, () =>
        {
            var decision = Decision(parse.GetValue(domainTokens), parse.GetValue(compute), parse.GetValue(cmr), parse.GetValue(tokensRange), parse.GetValue(pareto));
            if (decision != "--compute" && parse.GetValue(share) is not null) throw new CliException("Option '--share' applies only with --compute.");
            if (decision != "--tokens-range" && parse.GetValue(cmrFit) is not null) throw new CliException("Option '--cmr-fit' applies only with --tokens-range.");
            var inputs = cpt.Read(parse);
            var fmt = parse.GetValue(format);
            var (text, failure) = decision switch
            {
                "--domain-tokens" => LimitedDomainData(inputs, OptionParser.Number(parse.GetValue(domainTokens)!, "--domain-tokens"), fmt),
                "--compute" => Allocation(inputs, parse.GetValue(compute)!, parse.GetValue(share), fmt),
                "--cmr" => CriticalRatio(inputs, fmt),
                "--tokens-range" => CriticalRatioCurve(inputs, parse.GetValue(tokensRange)!, parse.GetValue(cmrFit), fmt),
                "--pareto" => Pareto(inputs, parse.GetValue(pareto)!, fmt),
                _ => TradeOff(inputs, fmt),
            };
            ResultWriter.Write(context, parse.GetValue(output), text);
            if (failure is not null) throw new CliException(failure);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Decision(string? domainTokens, string? compute, bool cmr, string? tokensRange, string? pareto)
    {
        var given = new List<string>();
        if (domainTokens is not null) given.Add("--domain-tokens");
        if (compute is not null) given.Add("--compute");
        if (cmr) given.Add("--cmr");
        if (tokensRange is not null) given.Add("--tokens-range");
        if (pareto is not null) given.Add("--pareto");
        if (given.Count > 1) throw new CliException($"Options {string.Join(", ", given.Select(g => $"'{g}'"))} each choose a decision; give one of them.");
        return given.Count == 1 ? given[0] : "trade-off";
    }

    private static (string Text, string? Failure) TradeOff(CptInputs inputs, OutputFormat format)
    {
        const string purpose = "the trade-off (D-CPT usage 1; or choose --domain-tokens, --compute, --cmr, --tokens-range or --pareto)";
        var domain = inputs.RequireDomain(purpose);
        var general = inputs.RequireGeneral(purpose);
        var (l0, tolerance) = inputs.RequireTolerance(purpose);
        double n = inputs.ModelSizeFor(domain, general), d = inputs.TokensFor(domain, general);
        var choice = Library(() => ContinualPretraining.TradeOff(domain, general, n, d, l0, tolerance, inputs.Options));
        return (CptOutput.Choice(choice, "trade-off", format), choice.IsFeasible ? null : "Option '--tolerance': " + choice.Message);
    }

    private static (string, string?) LimitedDomainData(CptInputs inputs, double domainTokens, OutputFormat format)
    {
        if (!(domainTokens > 0) || !double.IsFinite(domainTokens)) throw new CliException($"Option '--domain-tokens': must be a positive number of tokens (got {domainTokens}).");
        var domain = inputs.RequireDomain("--domain-tokens (limited domain data)");
        inputs.Reject("D", "with --domain-tokens the run trains on D = D_d/r_d tokens");
        var general = inputs.GeneralLaw;
        if (general is not null && inputs.Tolerance is null) throw new CliException("Option '--tolerance' is required with --general-fit and --domain-tokens (the general-loss limit).");
        if (general is null && inputs.Tolerance is not null) throw new CliException("Option '--tolerance' needs '--general-fit' (the law of the general loss it limits).");
        double n = inputs.ModelSizeFor(domain, general);
        var choice = Library(() => ContinualPretraining.LimitedDomainData(domain, n, domainTokens, inputs.Options, general,
            inputs.Tolerance?.PreTrainingLoss, inputs.Tolerance?.Tolerance));
        return (CptOutput.Choice(choice, "limited-domain-data", format), choice.IsFeasible ? null : "Option '--tolerance': " + choice.Message);
    }

    private static (string, string?) Allocation(CptInputs inputs, string computeText, string? shareText, OutputFormat format)
    {
        double c = OptionParser.Number(computeText, "--compute");
        if (!(c > 0) || !double.IsFinite(c)) throw new CliException($"Option '--compute': must be a positive number of FLOP (got {c}).");
        if (shareText is null) throw new CliException("Option '--share' is required with --compute: the domain share r_d to allocate at, e.g. --share 0.3.");
        double r = OptionParser.Number(shareText, "--share");
        if (!(r >= 0 && r <= 1)) throw new CliException($"Option '--share': must lie in [0, 1] (got {r}).");
        var domain = inputs.RequireDomain("--compute (allocation)");
        if (inputs.Budget.Count > 0) throw new CliException("Option '--budget' does not apply to --compute: the allocation chooses N and D.");
        if (!domain.Law.Variables.Contains("N") || !domain.Law.Variables.Contains("D"))
            throw new CliException($"Option '--compute': law '{domain.Law.Name}' reads {string.Join(", ", domain.Law.Variables)}; an allocation needs N and D.");
        var allocation = Library(() => ContinualPretraining.Allocate(domain, r, c, new AllocationOptions { Fixed = inputs.Options.Fixed }, inputs.Options.ShareVariable));
        return (CptOutput.Allocation(allocation, domain, r, format), null);
    }

    private static (string, string?) CriticalRatio(CptInputs inputs, OutputFormat format)
    {
        var general = inputs.RequireGeneral("--cmr (the critical mixture ratio)");
        var (l0, tolerance) = inputs.RequireTolerance("--cmr (the critical mixture ratio)");
        double n = inputs.ModelSizeFor(general), d = inputs.TokensFor(general);
        var result = Library(() => ContinualPretraining.CriticalRatio(general, n, d, l0, tolerance, inputs.Options));
        string? failure = result.IsFeasible ? null : Invariant($"Option '--tolerance': no domain share keeps the general loss ≤ {result.Limit:G6}.");
        return (CptOutput.CriticalRatio(result, n, d, format), failure);
    }

    private static (string, string?) CriticalRatioCurve(CptInputs inputs, string range, string? cmrFit, OutputFormat format)
    {
        var tokens = TokenBudgets(range);
        inputs.Reject("D", "--tokens-range gives the token budgets");
        System.Collections.Immutable.ImmutableArray<CriticalRatioPoint> curve;
        double n = double.NaN;
        if (cmrFit is not null)
        {
            if (inputs.GeneralLaw is not null) throw new CliException("Options '--cmr-fit' and '--general-fit' both give the critical ratio; give one of them.");
            var fits = SavedFits.Load(cmrFit, "--cmr-fit");
            if (fits.Count != 1) throw new CliException($"Option '--cmr-fit': '{cmrFit}' holds {fits.Count} fits; give a file with exactly one.");
            var law = FittedLaw.From(fits[0]);
            if (law.Law.Variables.Length != 1)
                throw new CliException($"Option '--cmr-fit': law '{law.Law.Name}' reads {string.Join(", ", law.Law.Variables)}; a CMR tokens law (cmr-tokens) reads one variable, the token budget.");
            curve = ContinualPretraining.CriticalRatioCurve(law, tokens);
        }
        else
        {
            var general = inputs.RequireGeneral("--tokens-range (or give --cmr-fit)");
            var (l0, tolerance) = inputs.RequireTolerance("--tokens-range with --general-fit");
            if (!general.Law.Variables.Contains("D"))
                throw new CliException($"Option '--tokens-range': law '{general.Law.Name}' does not read D, so its critical ratio does not change with tokens.");
            n = inputs.ModelSizeFor(general);
            curve = Library(() => ContinualPretraining.CriticalRatioCurve(general, n, tokens, l0, tolerance, inputs.Options));
        }
        string? failure = curve.All(p => p.Ratio is null) ? "Option '--tolerance': no domain share keeps the general loss within the limit at any token budget." : null;
        return (CptOutput.Curve(curve, n, format), failure);
    }

    private static (string, string?) Pareto(CptInputs inputs, string pointsText, OutputFormat format)
    {
        double points = OptionParser.Number(pointsText, "--pareto");
        if (!(points >= 2) || points != Math.Floor(points) || points > 1_000_000) throw new CliException($"Option '--pareto': POINTS must be a whole number ≥ 2 (got '{pointsText}').");
        var domain = inputs.RequireDomain("--pareto");
        var general = inputs.RequireGeneral("--pareto");
        double n = inputs.ModelSizeFor(domain, general), d = inputs.TokensFor(domain, general);
        var front = Library(() => ContinualPretraining.ParetoFront(domain, general, n, d, (int)points, inputs.Options));
        return (CptOutput.Pareto(front, format), null);
    }

    /// <summary>Budgets from DMIN:DMAX:POINTS, spaced evenly in log (DMAX exact).</summary>
    internal static double[] TokenBudgets(string range)
    {
        var parts = range.Split(':');
        if (parts.Length != 3) throw new CliException($"Option '--tokens-range': '{range}' must look like DMIN:DMAX:POINTS, e.g. 1B:100B:9.");
        double lo = OptionParser.Number(parts[0], "--tokens-range"), hi = OptionParser.Number(parts[1], "--tokens-range");
        double count = OptionParser.Number(parts[2], "--tokens-range");
        if (!(lo > 0) || !(hi >= lo) || !double.IsFinite(hi) || !(count >= 1) || count != Math.Floor(count) || count > 100_000)
            throw new CliException($"Option '--tokens-range': need 0 < DMIN ≤ DMAX and a whole number of POINTS ≥ 1 (got '{range}').");
        int k = (int)count;
        if (k == 1) return [hi];
        return Enumerable.Range(0, k).Select(i => i == k - 1 ? hi : lo * Math.Pow(hi / lo, (double)i / (k - 1))).ToArray();
    }

    private static T Library<T>(Func<T> call)
    {
        try { return call(); }
        catch (ArgumentException e) { throw new CliException(e.Message); }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
