namespace ScalingLaws.Cli.Infrastructure;

/// <summary>A one-line progress counter on standard error, shown only when it is a terminal.</summary>
public sealed class Progress : IDisposable
{
    private readonly CliContext _context;
    private readonly string _label;
    private int _last = -1;
    private readonly object _gate = new();

    private Progress(CliContext context, string label, bool enabled)
    {
        _context = context;
        _label = label;
        Reporter = enabled ? new Callback(this) : null;
    }

    /// <summary>Receives counts of finished units of work; null when progress is not shown.</summary>
    public IProgress<int>? Reporter { get; }

    /// <summary>Starts a progress line for <paramref name="label"/> if standard error is a terminal.</summary>
    public static Progress Start(CliContext context, string label) => new(context, label, context.ErrorIsTerminal);

    private void Report(int done)
    {
        lock (_gate)
        {
            if (done / 50 == _last / 50) return;
            _last = done;
            _context.Error.Write($"\r{_label}: {done} starts done");
        }
    }

    /// <summary>Clears the progress line.</summary>
    public void Dispose()
    {
        if (Reporter is not null && _last >= 0) _context.Error.Write("\r" + new string(' ', _label.Length + 30) + "\r");
    }

    private sealed class Callback(Progress owner) : IProgress<int>
    {
        public void Report(int value) => owner.Report(value);
    }
}
