using System.CommandLine;
using ScalingLaws.Data;
using ScalingLaws.Expressions;
using ScalingLaws.Laws;
using ScalingLaws.Fitting;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary><c>--law NAME</c> or <c>--formula TEXT</c>, and how they become an <see cref="IScalingLaw"/>.</summary>
internal sealed class LawSelection
{
    /// <summary><c>--law</c>.</summary>
    public Option<string?> Law { get; } = new("--law", "-l") { Description = "A law from the catalogue (see 'scaling-laws laws'), e.g. chinchilla" };

    /// <summary><c>--formula</c>.</summary>
    public Option<string?> Formula { get; } = new("--formula")
    {
        Description = "A model formula; names that are columns are variables, other names are parameters, e.g. \"E + A*N^-alpha + B*D^-beta\"",
    };

    /// <summary>Adds both options (with completion of law names).</summary>
    public void AddTo(Command command)
    {
        Law.CompletionSources.Add(LawCatalog.Names.ToArray());
        command.Add(Law);
        command.Add(Formula);
    }

    /// <summary>True when the chosen law reads domain-weight columns.</summary>
    public bool NeedsDomains(ParseResult parse)
    {
        var name = parse.GetValue(Law);
        return name is not null && LawCatalog.Contains(name) && LawCatalog.RequiresDomains(name);
    }

    /// <summary>Builds the law for <paramref name="table"/> (formula names resolved against its columns and <paramref name="mapping"/>).</summary>
    public IScalingLaw Build(ParseResult parse, RunTable table, IReadOnlyDictionary<string, string> mapping, IReadOnlyList<string>? domains)
    {
        string? name = parse.GetValue(Law), formula = parse.GetValue(Formula);
        if ((name is null) == (formula is null)) throw new CliException("Give exactly one of '--law' and '--formula'.");
        if (formula is not null)
        {
            try { return FormulaLaw.Create(formula, table.ColumnNames.Concat(mapping.Keys).Distinct()); }
            catch (FormulaException e) { throw new CliException($"Option '--formula': {e.Message}"); }
            catch (ArgumentException e) { throw new CliException($"Option '--formula': {e.Message}"); }
        }
        try { return LawCatalog.Create(name!, domains); }
        catch (ArgumentException e) { throw new CliException($"Option '--law': {e.Message}"); }
    }
}
