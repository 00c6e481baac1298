using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Nested;
using ScalingLaws.Tests.Data;
using Xunit;

namespace ScalingLaws.Tests.Nested;

public sealed class NestedRealDataTests
{
    [Fact]
    public void TheOneBillionRunsAreNeverReadByTheFit()
    {
        string set = DataPaths.Data("mixinglaws", "RedPajama");
        string copy = Path.Combine(Path.GetTempPath(), "nested-" + Guid.NewGuid().ToString("N"), "RedPajama");
        Directory.CreateDirectory(copy);
        try
        {
            foreach (var f in Directory.GetFiles(set, "*.txt").Where(f => Path.GetFileName(f) != "1B.txt"))
                File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
            var weights = PileDomainGroups.ReadValidWeights(DataPaths.Data("mixinglaws", "valid_weight.json"));
            NestedFit Fit(string folder)
            {
                var table = PileDomainGroups.AddGroupLosses(MixingLawsReader.ReadSet(folder), weights);
                return NestedPipeline.Fit(table, new NestedOptions
                {
                    TargetModelSize = MixingLawsReader.NonEmbeddingParameters["1B"], TargetStep = 100_000,
                    Targets = ["loss_total"], Domains = [.. table.ColumnNames.Where(c => c.StartsWith("h_", StringComparison.Ordinal))],
                    MinimumStep = 10_000, MaximumStep = 30_000, StepSharing = StepExponentSharing.Run,
                    MixtureFitOptions = new FitOptions { Starts = new RandomStarts(32) },
                });
            }
            var full = Fit(set);
            var without = Fit(copy);
            Assert.Equal(2, full.Observations.Length);
            Assert.Empty(without.Observations);
            Assert.Equal(full.SizeLaw.Fit.Values.ToArray(), without.SizeLaw.Fit.Values.ToArray());
            Assert.Equal(full.MixtureLaws[0].Fit.Values.ToArray(), without.MixtureLaws[0].Fit.Values.ToArray());
        }
        finally { Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true); }
    }
}
