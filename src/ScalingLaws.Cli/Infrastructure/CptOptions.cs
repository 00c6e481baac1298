using System.CommandLine;
using ScalingLaws.Optimization.Continual;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// The options that describe a continual pre-training setting, shared by <c>cpt</c> and the CPT kinds of <c>plot</c>:
/// <c>--domain-fit</c>, <c>--general-fit</c>, <c>--budget</c>, <c>--tolerance</c>, <c>--share-variable</c>,
/// <c>--general-share</c>, <c>--fixed</c>, <c>--share-range</c>, <c>--scan-points</c>.
/// </summary>
internal sealed class CptOptions
{
    /// <summary><c>--domain-fit FILE</c>.</summary>
    public Option<string?> DomainFit { get; } = new("--domain-fit")
    {
        Description = "Fit of the domain loss from 'fit --format json' (a law of the share r, optionally N and D, e.g. dcpt)",
    };

    /// <summary><c>--general-fit FILE</c>.</summary>
    public Option<string?> GeneralFit { get; } = new("--general-fit")
    {
        Description = "Fit of the general loss from 'fit --format json' (a law of the share, optionally N and D, e.g. dcpt or cmr-ratio)",
    };

    /// <summary><c>--budget N=...,D=...</c>.</summary>
    public Option<string?> Budget { get; } = new("--budget")
    {
        Description = "Model size and CPT tokens for laws that read them, e.g. N=1.8B,D=10B",
    };

    /// <summary><c>--tolerance L0:+EPS|L0:+PCT%</c>.</summary>
    public Option<string?> Tolerance { get; } = new("--tolerance")
    {
        Description = "General loss before CPT and its allowed rise: L0:+EPS (absolute, CMR uses +0.05) or L0:+PCT% (relative, D-CPT uses +3%)",
    };

    /// <summary><c>--share-variable NAME</c>, default <c>r</c>.</summary>
    public Option<string> ShareVariable { get; } = new("--share-variable")
    {
        Description = "The laws' share variable (a law without it but with R uses R)",
        DefaultValueFactory = _ => "r",
    };

    /// <summary><c>--general-share auto|general|domain</c>, default <c>auto</c>.</summary>
    public Option<string> GeneralShare { get; } = new("--general-share")
    {
        Description = "Which share the general-loss law is written in: general (r_g = 1 − r_d, as D-CPT fits it), domain (r_d), "
            + "or auto: domain when its share variable is R (CMR's notation), general otherwise",
        DefaultValueFactory = _ => "auto",
    };

    /// <summary><c>--fixed VAR=v,...</c>.</summary>
    public Option<string?> Fixed { get; } = new("--fixed")
    {
        Description = "Values of the laws' other variables, e.g. K=0.8 for dcpt-cross-domain",
    };

    /// <summary><c>--share-range MIN:MAX</c>, default <c>0:1</c>.</summary>
    public Option<string?> ShareRange { get; } = new("--share-range")
    {
        Description = "Domain shares considered, MIN:MAX within [0, 1] (default 0:1)",
    };

    /// <summary><c>--scan-points N</c>, default 1001.</summary>
    public Option<int> ScanPoints { get; } = new("--scan-points")
    {
        Description = "Evenly spaced domain shares scanned before refinement (≥ 3)",
        DefaultValueFactory = _ => ContinualPretrainingOptions.Default.ScanPoints,
    };

    /// <summary>Creates the options.</summary>
    public CptOptions() => GeneralShare.AcceptOnlyFromAmong("auto", "general", "domain");

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(DomainFit); command.Add(GeneralFit); command.Add(Budget); command.Add(Tolerance); command.Add(ShareVariable);
        command.Add(GeneralShare); command.Add(Fixed); command.Add(ShareRange); command.Add(ScanPoints);
    }

    /// <summary>Reads and checks the options (fits are loaded; nothing is required yet).</summary>
    public CptInputs Read(ParseResult parse) => CptInputs.From(
        parse.GetValue(DomainFit), parse.GetValue(GeneralFit), parse.GetValue(Budget), parse.GetValue(Tolerance),
        parse.GetValue(ShareVariable)!, parse.GetValue(GeneralShare)!, parse.GetValue(Fixed), parse.GetValue(ShareRange), parse.GetValue(ScanPoints));
}
