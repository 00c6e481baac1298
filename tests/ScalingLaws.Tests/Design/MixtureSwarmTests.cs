using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Design;
using ScalingLaws.Tests.Data;
using Xunit;

namespace ScalingLaws.Tests.Design;

public sealed class MixtureSwarmTests
{
    private static readonly ImmutableArray<string> Three = ["h_web", "h_code", "h_books"];

    /// <summary>RegMix's prior (the natural Pile token shares of its generator) read from the bundled prior file.</summary>
    private static (ImmutableArray<string> Domains, ImmutableArray<double> Shares) PileShares()
    {
        var lines = File.ReadAllLines(DataPaths.Data("regmix", "pile_token_shares.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        return (lines.Select(l => l[0]).ToImmutableArray(), lines.Select(l => double.Parse(l[1], CultureInfo.InvariantCulture)).ToImmutableArray());
    }

    /// <summary>The settings that reproduce RegMix's bundled 1M training mixtures (docs/design.md).</summary>
    private static SwarmOptions RegMixLike(int seed)
    {
        var (domains, shares) = PileShares();
        return new SwarmOptions
        {
            Domains = domains, Count = 512, Prior = shares, Temperature = 0.2, MinimumStrength = 0.3, MaximumStrength = 30, StrengthLevels = 15,
            MinimumWeight = 1e-3, AvailableTokens = domains.Zip(shares).ToImmutableDictionary(p => p.First, p => p.Second), MaxEpochs = 15,
            TargetTokens = 1, Seed = seed,
        };
    }

    [Fact]
    public void RegMixSwarmReproducesTheBundledMixtureStatistics()
    {
        var bundled = File.ReadAllLines(DataPaths.Data("regmix", "train_mixture_1m.csv")).Skip(1)
            .Select(l => l.Split(',').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var swarm = MixtureSwarm.Generate(RegMixLike(42));
        Assert.Equal(512, swarm.Length);
        double meanDistance = 0, zerosBundled = 0, zerosSwarm = 0;
        for (int j = 0; j < 17; j++)
        {
            double a = bundled.Average(r => r[j]), b = swarm.Average(r => r[j]);
            double za = bundled.Count(r => r[j] < 1e-3) / 512.0, zb = swarm.Count(r => r[j] < 1e-3) / 512.0;
            meanDistance += Math.Abs(a - b);
            zerosBundled += za / 17;
            zerosSwarm += zb / 17;
            Assert.True(Math.Abs(za - zb) < 0.08, $"domain {j}: near-zero share {zb:F3} vs RegMix {za:F3}");
            Assert.True(Math.Abs(a - b) < 0.035, $"domain {j}: mean {b:F4} vs RegMix {a:F4}");
        }
        Assert.True(meanDistance < 0.15, $"L1 distance of the per-domain means {meanDistance:F3}");
        Assert.InRange(zerosSwarm - zerosBundled, -0.03, 0.03);
    }

    [Fact]
    public void RegMixScriptDefaultsGiveMoreZerosThanTheBundledFile()
    {
        // RegMix's script (τ = 0.5, strengths 0.1–5) concentrates the mixtures: about 0.65 of the shares are zero
        // against 0.45 in the bundled file, which is why docs/design.md states other settings.
        var swarm = MixtureSwarm.Generate(RegMixLike(42) with { Temperature = 0.5, MinimumStrength = 0.1, MaximumStrength = 5 });
        double zeros = swarm.Average(r => r.Count(v => v < 1e-3) / 17.0);
        Assert.InRange(zeros, 0.55, 0.75);
    }

    [Fact]
    public void SameSeedSameSwarmOtherSeedOtherSwarm()
    {
        var options = new SwarmOptions { Domains = Three, Count = 20, Seed = 7 };
        var a = MixtureSwarm.Generate(options);
        var b = MixtureSwarm.Generate(options);
        Assert.True(a.Zip(b).All(p => p.First.SequenceEqual(p.Second)));
        var c = MixtureSwarm.Generate(options with { Seed = 8 });
        Assert.False(a.Zip(c).All(p => p.First.SequenceEqual(p.Second)));
    }

    [Fact]
    public void DeDuplicationKeepsTheMinimumDistance()
    {
        var swarm = MixtureSwarm.Generate(new SwarmOptions { Domains = Three, Count = 12, MinimumDistance = 0.3, Seed = 3 });
        for (int i = 0; i < swarm.Length; i++)
            for (int j = 0; j < i; j++)
                Assert.True(swarm[i].Zip(swarm[j]).Sum(p => Math.Abs(p.First - p.Second)) >= 0.3);
        // Asking for more well-separated mixtures than fit on the simplex fails clearly.
        var e = Assert.Throws<ArgumentException>(() => MixtureSwarm.Generate(new SwarmOptions { Domains = Three, Count = 500, MinimumDistance = 0.5, Seed = 3 }));
        Assert.Contains("minimum distance", e.Message);
    }

    [Fact]
    public void AvailabilityCapsHold()
    {
        var options = new SwarmOptions
        {
            Domains = Three, Count = 200, Seed = 1, AvailableTokens = ImmutableDictionary<string, double>.Empty.Add("h_code", 1e9).Add("h_books", 2e9),
            MaxEpochs = 4, TargetTokens = 40e9,
        };
        var swarm = MixtureSwarm.Generate(options);
        Assert.All(swarm, h => { Assert.True(h[1] <= 0.1 + 1e-12); Assert.True(h[2] <= 0.2 + 1e-12); });
        Assert.Contains(swarm, h => h[1] > 0.05);
    }

    [Fact]
    public void BadInputsGiveClearErrors()
    {
        var options = new SwarmOptions { Domains = Three, Count = 4 };
        Assert.Contains("temperature", Assert.Throws<ArgumentException>(() => MixtureSwarm.Generate(options with { Temperature = 0 })).Message);
        Assert.Contains("sum to", Assert.Throws<ArgumentException>(() => MixtureSwarm.Generate(options with
        {
            LowerBounds = ImmutableDictionary<string, double>.Empty.Add("h_web", 0.6).Add("h_code", 0.5),
        })).Message);
        Assert.Contains("below 1", Assert.Throws<ArgumentException>(() => MixtureSwarm.Generate(options with
        {
            AvailableTokens = Three.ToImmutableDictionary(d => d, _ => 1e9), TargetTokens = 10e9,
        })).Message);
    }

    [Property(MaxTest = 60)]
    public Property EveryMixtureIsOnTheSimplexAndWithinItsBounds(PositiveInt seed, NormalFloat low, NormalFloat high, NormalFloat pinned, NormalFloat temperature)
    {
        double lo = Math.Abs(low.Get) % 0.3, hi = 0.4 + Math.Abs(high.Get) % 0.6, pin = Math.Abs(pinned.Get) % 0.3;
        var options = new SwarmOptions
        {
            Domains = ["a", "b", "c", "d"], Count = 16, Seed = seed.Get, Temperature = 0.1 + Math.Abs(temperature.Get) % 2, MinimumWeight = 0.01,
            LowerBounds = ImmutableDictionary<string, double>.Empty.Add("a", lo), UpperBounds = ImmutableDictionary<string, double>.Empty.Add("b", hi),
            Pinned = ImmutableDictionary<string, double>.Empty.Add("d", pin), Prior = [0.5, 0.2, 0.2, 0.1],
        };
        var swarm = MixtureSwarm.Generate(options);
        var plan = RunPlanner.Product(options.Domains, swarm, null);
        bool ok = plan.Runs.All(r => Math.Abs(r.Weights.Sum() - 1) < 1e-9 && r.Weights.All(w => w >= 0)
            && r.Weights[0] >= lo - 1e-12 && r.Weights[1] <= hi + 1e-12 && Math.Abs(r.Weights[3] - pin) < 1e-12);
        return ok.Label($"lo={lo} hi={hi} pin={pin}");
    }
}
