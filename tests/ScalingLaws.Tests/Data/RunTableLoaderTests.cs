using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class RunTableLoaderTests
{
    [Theory]
    [InlineData(DataFormat.EpochChinchilla, 245, "epoch-chinchilla", "svg_extracted_data.csv")]
    [InlineData(DataFormat.Datablations, 182, "datablations", "parametric_fit.ipynb.cell26_fit_points.csv")]
    [InlineData(DataFormat.RegMix, 512, "regmix", "train_mixture_1m.csv")]
    [InlineData(DataFormat.RegMix, 64, "regmix", "test_pile_loss_1B.csv")]
    [InlineData(DataFormat.MixingLaws, 410, "mixinglaws", "5Mix", "70M.txt")]
    [InlineData(DataFormat.MixingLaws, 110, "mixinglaws", "2Mix")]
    [InlineData(DataFormat.Csv, 12, "synthetic", "chinchilla_suffixed.csv")]
    public void DetectsAndLoadsEachBundledFormat(DataFormat format, int rows, params string[] parts)
    {
        var path = DataPaths.Data(parts);
        Assert.Equal(format, RunTableLoader.Detect(path));
        Assert.Equal(rows, RunTableLoader.Load(path).RowCount);
    }

    [Fact]
    public void TsvIsDetectedByExtension()
    {
        var path = DataPaths.TestData("csv", "suffixed.tsv");
        Assert.Equal(DataFormat.Tsv, RunTableLoader.Detect(path));
        Assert.Equal([70e6, 160e6], RunTableLoader.Load(path).Numeric("N").ToArray());
    }

    [Fact]
    public void ExplicitFormatOverridesDetection()
    {
        var path = DataPaths.Data("epoch-chinchilla", "svg_extracted_data.csv");
        var raw = RunTableLoader.Load(path, DataFormat.Csv);
        Assert.True(raw.HasColumn("Model Size"));
        Assert.False(raw.HasColumn("D"));
    }

    [Fact]
    public void JsonAndMissingPathsAreClearErrors()
    {
        var json = DataPaths.Data("mixinglaws", "valid_weight.json");
        Assert.Contains("is JSON", Assert.Throws<DataException>(() => RunTableLoader.Load(json)).Message);
        Assert.Contains("file not found", Assert.Throws<DataException>(() => RunTableLoader.Load("missing.csv")).Message);
        var folder = DataPaths.Data("regmix");
        Assert.Contains("folder", Assert.Throws<DataException>(() => RunTableLoader.Load(folder)).Message);
    }
}
