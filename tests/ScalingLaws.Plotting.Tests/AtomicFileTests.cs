using Xunit;

namespace ScalingLaws.Plotting.Tests;

public class AtomicFileTests
{
    [Fact]
    public void WritesReplacesAndLeavesNoTemporaryFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scalinglaws-atomic-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "sub", "a.txt");
            AtomicFile.WriteAllText(path, "first");
            AtomicFile.WriteAllText(path, "second ü");
            Assert.Equal("second ü", File.ReadAllText(path));
            Assert.Equal([(byte)'s'], File.ReadAllBytes(path)[..1]);
            Assert.Single(Directory.GetFiles(Path.Combine(folder, "sub")));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AFailedWriteKeepsTheOldFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scalinglaws-atomic-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "target");
            // A directory in the way makes the final rename fail.
            Directory.CreateDirectory(path);
            Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(path, "x"));
            Assert.True(Directory.Exists(path));
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PlotFilesRejectsUnknownExtensionsAndBadSizes()
    {
        var plot = FigureStyle.Create(null, "t", "x", "y");
        Assert.Throws<ArgumentException>(() => PlotFiles.Save(plot, "figure.jpg"));
        Assert.Throws<ArgumentOutOfRangeException>(() => PlotFiles.PngBytes(plot, 0, 10));
    }
}
