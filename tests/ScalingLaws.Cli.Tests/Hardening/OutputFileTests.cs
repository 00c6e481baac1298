using System.Diagnostics;
using Xunit;

namespace ScalingLaws.Cli.Tests.Hardening;

/// <summary>--output keeps FIFOs and symbolic links what they are and writes through them (temp folders only, never /dev).</summary>
public class OutputFileTests
{
    private static bool IsFifo(string path)
    {
        using var test = Process.Start("test", ["-p", path])!;
        test.WaitForExit();
        return test.ExitCode == 0;
    }

    [Fact]
    public async Task AFifoIsStreamedToAndStaysAFifo()
    {
        if (OperatingSystem.IsWindows()) return;
        var fifo = Path.Combine(CliRunner.TempDir(), "pipe");
        using (var make = Process.Start("mkfifo", [fifo])!) make.WaitForExit();
        Assert.True(IsFifo(fifo));
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var r = CliRunner.Run("laws", "--format", "json", "--output", fifo);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"schemaVersion\"", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(IsFifo(fifo));
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(fifo)!));
    }

    [Fact]
    public void ASymbolicLinkIsWrittenThroughAndStaysALink()
    {
        var folder = CliRunner.TempDir();
        var target = Path.Combine(folder, "real.json");
        File.WriteAllText(target, "old");
        var link = Path.Combine(folder, "link.json");
        File.CreateSymbolicLink(link, target);
        var r = CliRunner.Run("laws", "--format", "json", "--output", link);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Contains("\"schemaVersion\"", File.ReadAllText(target));
        Assert.Equal(2, Directory.GetFileSystemEntries(folder).Length);
    }

    [Fact]
    public void ADashWritesToStandardOutput()
    {
        var r = CliRunner.Run("laws", "--format", "json", "--output", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"schemaVersion\"", r.Out);
    }

    [Fact]
    public void ARegularFileIsReplacedAtomicallyKeepingItsMode()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = Path.Combine(CliRunner.TempDir(), "laws.json");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(0, CliRunner.Run("laws", "--format", "json", "--output", path).ExitCode);
        Assert.Contains("\"schemaVersion\"", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
