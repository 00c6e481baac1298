using ScalingLaws.Cli.Infrastructure;

namespace ScalingLaws.Cli.Sweep;

/// <summary>A progress bar of finished jobs on standard error, drawn only when it is a terminal.</summary>
internal sealed class SweepProgress(CliContext context)
{
    private const int Width = 30;
    private readonly object _gate = new();
    private bool _drawn;

    /// <summary>Redraws the bar: <c>[#####     ] 12/26 jobs</c>.</summary>
    public void Report(int done, int total)
    {
        if (!context.ErrorIsTerminal || total == 0) return;
        lock (_gate)
        {
            int filled = (int)((long)Width * done / total);
            context.Error.Write($"\r[{new string('#', filled)}{new string(' ', Width - filled)}] {done}/{total} jobs");
            _drawn = true;
        }
    }

    /// <summary>Clears the bar.</summary>
    public void Clear()
    {
        lock (_gate)
            if (_drawn) context.Error.Write("\r" + new string(' ', Width + 32) + "\r");
    }
}
