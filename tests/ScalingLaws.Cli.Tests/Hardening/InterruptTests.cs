using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace ScalingLaws.Cli.Tests.Hardening;

/// <summary>
/// Ctrl+C on the real tool: SIGINT sent to a running <c>scaling-laws fit … --output FILE</c> process ends
/// it with exit code 130 and "cancelled" on stderr, leaving neither the output file nor a temporary file.
/// The child is started through <c>env --default-signal=INT</c>, as a shell starts a foreground command: a test
/// host started from a background job or by a CI runner may have SIGINT ignored, children inherit that, and the
/// runtime (rightly) keeps an inherited ignore. The signal is sent once the tool has begun reading its data file
/// (an inotify access event), which it does only after its Main has registered the handler.
/// </summary>
public class InterruptTests
{
    [Fact]
    public async Task SigintDuringALongFitExits130AndLeavesNoFile()
    {
        if (!OperatingSystem.IsLinux()) return;
        var folder = CliRunner.TempDir();
        var data = Path.Combine(folder, "runs.csv");
        File.WriteAllText(data, ChinchillaShapedRuns(50_000));
        var output = Path.Combine(folder, "fit.json");
        string tool = Path.Combine(AppContext.BaseDirectory, "scaling-laws.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[]
        {
            "--default-signal=INT", dotnet, tool, "fit", "--data", data, "--target", "loss",
            "--formula", "E + A*N^-alpha + B*D^-beta", "--threads", "1", "--format", "json", "--output", output,
            "--grid", "E=1:2:0.25,A=100:500:100,alpha=0.2:0.4:0.1,B=100:500:100,beta=0.2:0.4:0.1",
        }) start.ArgumentList.Add(argument);

        var dataRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(folder, Path.GetFileName(data)) { NotifyFilter = NotifyFilters.LastAccess };
        watcher.Changed += (_, _) => dataRead.TrySetResult();
        watcher.EnableRaisingEvents = true;

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        // A hang guard only: the fit takes minutes, reading the data a fraction of a second.
        await Task.WhenAny(dataRead.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
        bool running = dataRead.Task.IsCompleted && !process.HasExited;
        if (running)
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)])!)
                await kill.WaitForExitAsync();
        await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(1)));
        bool stopped = process.HasExited;
        if (!stopped) process.Kill();
        await process.WaitForExitAsync();
        string errors = await stderr;
        Assert.True(running, "the tool was not reading its data while running; stderr: " + errors);
        Assert.True(stopped, "the fit did not stop within a minute of SIGINT");

        Assert.True(130 == process.ExitCode, $"exit code {process.ExitCode}; stderr: {errors}");
        Assert.Contains("cancelled", errors);
        Assert.DoesNotContain("   at ", errors);
        Assert.Equal("", await stdout);
        Assert.Equal([data], Directory.GetFileSystemEntries(folder));
    }

    /// <summary>n rows of loss = 1.7 + 400·N^−0.34 + 410·D^−0.28 with 1 % noise.</summary>
    private static string ChinchillaShapedRuns(int rows)
    {
        var random = new Random(1);
        var text = new StringBuilder("N,D,loss\n");
        for (int i = 0; i < rows; i++)
        {
            double n = Math.Pow(10, 7 + 3 * random.NextDouble()), d = Math.Pow(10, 9 + 3 * random.NextDouble());
            double loss = (1.7 + 400 * Math.Pow(n, -0.34) + 410 * Math.Pow(d, -0.28)) * (1 + 0.01 * (random.NextDouble() - 0.5));
            text.Append(CultureInfo.InvariantCulture, $"{n:G6},{d:G6},{loss:G6}\n");
        }
        return text.ToString();
    }
}
