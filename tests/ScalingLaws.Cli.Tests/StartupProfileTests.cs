using System.Diagnostics;
using ScalingLaws.Cli.Infrastructure;
using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// The tool's multi-core JIT profile: where it lives (the variable, then the XDG cache, then ~/.cache; <c>off</c> or no
/// home turns it off), one file per command (none for options such as --version) with a name that cannot leave the folder, and the real tool writing it.
/// </summary>
public class StartupProfileTests
{
    [Fact]
    public void TheFolderFollowsTheVariableThenTheCache()
    {
        static string? Read(string name, Dictionary<string, string> values) => values.TryGetValue(name, out var v) ? v : null;
        Assert.Equal("/tmp/p", StartupProfile.Folder(n => Read(n, new() { [StartupProfile.Variable] = "/tmp/p", ["HOME"] = "/home/u" })));
        Assert.Null(StartupProfile.Folder(n => Read(n, new() { [StartupProfile.Variable] = "off", ["HOME"] = "/home/u" })));
        Assert.Equal("/c/scaling-laws/jit", StartupProfile.Folder(n => Read(n, new() { ["XDG_CACHE_HOME"] = "/c", ["HOME"] = "/home/u" })));
        Assert.Equal("/home/u/.cache/scaling-laws/jit", StartupProfile.Folder(n => Read(n, new() { ["XDG_CACHE_HOME"] = "relative", ["HOME"] = "/home/u" })));
        Assert.Null(StartupProfile.Folder(n => Read(n, [])));
    }

    [Theory]
    [InlineData(new[] { "fit", "--data", "x.csv" }, "fit.jitprofile")]
    [InlineData(new[] { "sweep", "merge", "a" }, "sweep.jitprofile")]
    [InlineData(new[] { "--version" }, null)]
    [InlineData(new[] { "../../etc/passwd" }, null)]
    [InlineData(new[] { "Fit" }, null)]
    [InlineData(new string[0], null)]
    public void OneFilePerCommandInsideTheFolder(string[] args, string? expected) =>
        Assert.Equal(expected, StartupProfile.FileName(args));

    [Fact]
    public async Task TheToolWritesTheProfileOfItsCommand()
    {
        var folder = Path.Combine(CliRunner.TempDir(), "profiles");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scaling-laws.dll"));
        start.ArgumentList.Add("laws");
        start.Environment[StartupProfile.Variable] = folder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("chinchilla", await output);
        Assert.True(File.Exists(Path.Combine(folder, "laws.jitprofile")), string.Join(", ", Directory.Exists(folder) ? Directory.GetFiles(folder) : []));
    }
}
