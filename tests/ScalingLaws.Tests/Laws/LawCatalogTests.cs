using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Laws;

public class LawCatalogTests
{
    private static readonly string[] Domains = ["h_web", "h_code"];

    public static TheoryData<string> Names() => [.. LawCatalog.Names];

    [Fact]
    public void CatalogueHasTheFourteenLaws()
    {
        Assert.Equal(
            ["chinchilla", "kaplan", "power", "data-constrained", "overtraining", "dcpt", "dcpt-cross-domain", "cmr-ratio",
             "cmr-tokens", "data-mixing", "mixture-additive", "mixture-joint", "bimix", "multilingual"],
            LawCatalog.Names.ToArray());
        Assert.Equal(LawCatalog.Names, LawCatalog.Entries.Select(e => e.Name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryNameCreatesALawOfThatName(string name)
    {
        var law = LawCatalog.Create(name, Domains);
        Assert.Equal(name, law.Name);
        Assert.False(string.IsNullOrWhiteSpace(law.Formula));
        Assert.False(string.IsNullOrWhiteSpace(law.Citation));
        Assert.NotEmpty(law.Variables);
        Assert.NotEmpty(law.Parameters);
        Assert.Equal(law.Parameters.Length, law.Parameters.Select(p => p.Name).Distinct().Count());
        Assert.Empty(law.Parameters.Select(p => p.Name).Intersect(law.Variables));
        Assert.All(law.Parameters, p => Assert.True(p.Contains(p.Initial), $"{name}: initial {p.Initial} of '{p.Name}' outside [{p.Lower}, {p.Upper}]"));
        Assert.All(law.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryNameIsDescribed(string name)
    {
        var entry = LawCatalog.Describe(name);
        Assert.Equal(name, entry.Name);
        Assert.False(string.IsNullOrWhiteSpace(entry.Summary));
        Assert.False(string.IsNullOrWhiteSpace(entry.GeneralForm));
        Assert.Equal(entry.Example.Formula, entry.Formula);
        Assert.Equal(entry.Example.Citation, entry.Citation);
        Assert.Equal(entry.RequiresDomains, LawCatalog.RequiresDomains(name));
    }

    [Theory]
    [InlineData("data-mixing")]
    [InlineData("mixture-additive")]
    [InlineData("mixture-joint")]
    public void MixtureLawsRequireDomains(string name)
    {
        Assert.True(LawCatalog.RequiresDomains(name));
        var missing = Assert.Throws<ArgumentException>(() => LawCatalog.Create(name));
        Assert.Contains("domain-weight columns", missing.Message);
        Assert.Throws<ArgumentException>(() => LawCatalog.Create(name, []));
        Assert.Contains("h_code", LawCatalog.Create(name, Domains).Variables);
    }

    [Fact]
    public void OtherLawsIgnoreDomains()
    {
        Assert.Equal(["N", "D"], LawCatalog.Create("chinchilla", Domains).Variables.ToArray());
        Assert.False(LawCatalog.RequiresDomains("chinchilla"));
    }

    [Theory]
    [InlineData("chinchila", "chinchilla")]
    [InlineData("data_constrained", "data-constrained")]
    [InlineData("mixture-additve", "mixture-additive")]
    [InlineData("cmr", "cmr-ratio")]
    [InlineData("bimx", "bimix")]
    public void UnknownNameSuggestsTheClosestAndListsAll(string typo, string suggestion)
    {
        var error = Assert.Throws<ArgumentException>(() => LawCatalog.Create(typo));
        Assert.Contains($"Unknown law '{typo}'", error.Message);
        Assert.Contains($"Did you mean '{suggestion}'?", error.Message);
        Assert.All(LawCatalog.Names, n => Assert.Contains(n, error.Message));
        Assert.Throws<ArgumentException>(() => LawCatalog.Describe(typo));
        Assert.False(LawCatalog.Contains(typo));
    }

    [Fact]
    public void UnrelatedNameGetsNoSuggestion()
    {
        var error = Assert.Throws<ArgumentException>(() => LawCatalog.Create("zzzzzzzzzzzzzzzzzz"));
        Assert.DoesNotContain("Did you mean", error.Message);
    }

    [Fact]
    public void NamesAreCaseInsensitiveAndTrimmed()
    {
        Assert.Equal("chinchilla", LawCatalog.Create("  Chinchilla ").Name);
        Assert.True(LawCatalog.Contains("DATA-CONSTRAINED"));
    }

    [Fact]
    public void MixtureParametersAreNamedAfterTheColumns()
    {
        var additive = new MixtureAdditiveLaw(["h_web", "code"]);
        Assert.Equal(["E", "A", "B", "alpha", "beta", "C_web", "C_code", "gamma_web", "gamma_code"], additive.Parameters.Select(p => p.Name));
        Assert.Equal(["N", "D", "h_web", "code"], additive.Variables.ToArray());
        Assert.Equal("E + 1/(C_web*(2*h_web)^gamma_web + C_code*(2*code)^gamma_code) + A/N^alpha + B/D^beta", additive.Formula);

        var joint = new MixtureJointLaw(["h_web", "h_code"]);
        Assert.Equal(5 + 4 * 2, joint.Parameters.Length);
        Assert.Equal(["E", "A", "B", "alpha", "beta", "C_web", "C_code", "gamma_web", "gamma_code", "a_code", "gamma_A", "b_code", "gamma_B"],
            joint.Parameters.Select(p => p.Name));

        var mixing = new DataMixingLaw(["r_web", "r_code"]);
        Assert.Equal(["log_c", "log_k", "t_web", "t_code"], mixing.Parameters.Select(p => p.Name));
        Assert.Equal("exp(log_c) + exp(log_k + t_web*r_web + t_code*r_code)", mixing.Formula);
    }

    [Theory]
    [InlineData("h_web", "h_web")]
    [InlineData("Pile-CC", "h_web")]
    [InlineData("2web", "h_web")]
    [InlineData("exp", "h_web")]
    [InlineData("", "h_web")]
    [InlineData("E", "h_web")]
    [InlineData("N", "h_web")]
    public void InvalidDomainColumnsAreRejected(string first, string second)
    {
        var error = Assert.Throws<ArgumentException>(() => new MixtureAdditiveLaw([first, second]));
        Assert.Contains("mixture-additive", error.Message);
    }

    [Fact]
    public void DomainsThatCollideWithParameterNamesAreRejected()
    {
        // A column h_A gives gamma_A, which the joint law already uses for A_h.
        var error = Assert.Throws<ArgumentException>(() => new MixtureJointLaw(["h_A", "h_b"]));
        Assert.Contains("gamma_A", error.Message);
        // h_web and web would both give C_web.
        Assert.Throws<ArgumentException>(() => new MixtureAdditiveLaw(["h_web", "web"]));
    }
}
