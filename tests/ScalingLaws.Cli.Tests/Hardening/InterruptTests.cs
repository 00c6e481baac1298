using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace ScalingLaws.Cli.Tests.Hardening;

/// <summary>
/// Ctrl+C on the real tool: SIGINT sent to a running <c>scaling-laws fit … --output FILE</c> process ends
/// it with exit code 130 and "cancelled" on stderr, leaving neither the output file nor a temporary file.
/// The child is started through <c>env --default-signal=INT</c>: a process started from a background job
/// of a non-interactive shell inherits SIGINT as ignored, and the signal would never reach it.
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

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // Wait until the runtime catches SIGINT, then for the tool's own handler, registered as its Main starts
        // (the runtime's handler alone ignores the signal), with time to spare under load.
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && !CatchesSigint(process.Id) && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(5);
        await Task.Delay(5000);
        Assert.False(process.HasExited, "the fit ended before it could be interrupted: " + await stderr);
        string signals = SignalState(process.Id);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)])!) await kill.WaitForExitAsync();
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        bool stopped = process.HasExited;
        if (!stopped) process.Kill();
        await process.WaitForExitAsync();
        string errors = await stderr;
        Assert.True(stopped, "the fit did not stop within 60 s of SIGINT; its signal state: " + signals);

        Assert.True(130 == process.ExitCode, $"exit code {process.ExitCode}, signal state before SIGINT: {signals}; stderr: {errors}");
        Assert.Contains("cancelled", errors);
        Assert.DoesNotContain("   at ", errors);
        Assert.Equal("", await stdout);
        Assert.Equal([data], Directory.GetFileSystemEntries(folder));
    }

    /// <summary>The ignored, blocked and caught signal masks of process <paramref name="pid"/> (Linux).</summary>
    private static string SignalState(int pid) =>
        string.Join(", ", File.ReadAllLines($"/proc/{pid}/status").Where(line => line.StartsWith("Sig", StringComparison.Ordinal)));

    /// <summary>True when process <paramref name="pid"/> has a handler for SIGINT (signal 2: bit 1 of SigCgt in /proc/PID/status).</summary>
    private static bool CatchesSigint(int pid)
    {
        try
        {
            var caught = File.ReadAllLines($"/proc/{pid}/status").FirstOrDefault(line => line.StartsWith("SigCgt:", StringComparison.Ordinal));
            return caught is not null && (Convert.ToUInt64(caught["SigCgt:".Length..].Trim(), 16) & 0x2) != 0;
        }
        catch (IOException) { return false; }
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
