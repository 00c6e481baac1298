using System.Collections.Immutable;
using System.CommandLine;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// The per-domain options on mixture weights shared by <c>design</c> and <c>optimize</c>: <c>--lower</c>, <c>--upper</c>,
/// <c>--available</c> and <c>--max-epochs</c>, each a list <c>DOMAIN=VALUE,...</c> checked against the domains.
/// </summary>
internal sealed class MixtureConstraintOptions
{
    /// <summary><c>--lower DOMAIN=SHARE,...</c>.</summary>
    public Option<string?> Lower { get; } = new("--lower") { Description = "Per-domain minimum shares of the mixture, e.g. h_code=0.05" };

    /// <summary><c>--upper DOMAIN=SHARE,...</c>.</summary>
    public Option<string?> Upper { get; } = new("--upper") { Description = "Per-domain maximum shares of the mixture, e.g. h_web=0.8" };

    /// <summary><c>--available DOMAIN=TOKENS,...</c>.</summary>
    public Option<string?> Available { get; } = new("--available")
    {
        Description = "Unique tokens per domain, e.g. h_code=2B: a run of D tokens takes at most U × --max-epochs from a domain (h·D ≤ U·epochs)",
    };

    /// <summary><c>--max-epochs E</c>.</summary>
    public Option<double> MaxEpochs { get; } = new("--max-epochs") { Description = "Epochs allowed over each domain's unique tokens", DefaultValueFactory = _ => 1 };

    /// <summary>Adds the four options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Lower); command.Add(Upper); command.Add(Available); command.Add(MaxEpochs);
    }

    /// <summary>The <c>--lower</c> shares, by domain.</summary>
    public ImmutableDictionary<string, double> LowerBounds(ParseResult parse, IReadOnlyList<string> domains) => DomainValues(parse.GetValue(Lower), "--lower", domains);

    /// <summary>The <c>--upper</c> shares, by domain.</summary>
    public ImmutableDictionary<string, double> UpperBounds(ParseResult parse, IReadOnlyList<string> domains) => DomainValues(parse.GetValue(Upper), "--upper", domains);

    /// <summary>The <c>--available</c> unique tokens, by domain.</summary>
    public ImmutableDictionary<string, double> AvailableTokens(ParseResult parse, IReadOnlyList<string> domains) => DomainValues(parse.GetValue(Available), "--available", domains);

    /// <summary>Parses <c>DOMAIN=VALUE,...</c> (unit suffixes allowed), rejecting a name that is not one of <paramref name="domains"/>.</summary>
    /// <exception cref="CliException">A malformed list, or an unknown domain (the message names the option and lists the domains).</exception>
    public static ImmutableDictionary<string, double> DomainValues(string? text, string option, IReadOnlyList<string> domains)
    {
        var values = OptionParser.Assignments(text, option);
        foreach (var key in values.Keys)
            if (!domains.Contains(key)) throw new CliException($"Option '{option}': '{key}' is not a domain; domains: {string.Join(", ", domains)}.");
        return values;
    }
}
