using System.Globalization;
using System.Runtime.InteropServices;
using ScalingLaws.Cli;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

// Ctrl+C (SIGINT) and SIGTERM cancel the running command through its CancellationToken: the fit stops, no output
// file is replaced, temporary files are removed, "cancelled" is printed and the exit code is 130. A second signal
// ends the process at once, and so does a command that has not stopped 5 s after the first, after
// removing the temporary files of writes in progress.
using var cancellation = new CancellationTokenSource();
int signals = 0;
void OnSignal(PosixSignalContext signal)
{
    if (Interlocked.Increment(ref signals) == 1)
    {
        signal.Cancel = true;
        cancellation.Cancel();
        // Work that does not watch the token (reading a huge file) gets a grace period, then the process ends.
        _ = Task.Delay(TimeSpan.FromSeconds(5)).ContinueWith(_ =>
        {
            ScalingLaws.Plotting.AtomicFile.DeletePendingTemporaryFiles();
            Console.Error.WriteLine("cancelled");
            Environment.Exit(130);
        }, TaskScheduler.Default);
        return;
    }
    ScalingLaws.Plotting.AtomicFile.DeletePendingTemporaryFiles();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return await CliApp.RunAsync(args, Console.Out, Console.Error, errorIsTerminal: !Console.IsErrorRedirected, cancellation.Token);
