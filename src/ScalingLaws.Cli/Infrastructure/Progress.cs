namespace ScalingLaws.Cli.Infrastructure;

/// <summary>A one-line progress counter on standard error, shown only when it is a terminal.</summary>
internal sealed class Progress : IDisposable
{
    private readonly CliContext _context;
    private readonly string _label;
    private readonly string _unit;
    private readonly int _every;
    private int _last = -1;
    private readonly object _gate = new();

    private Progress(CliContext context, string label, string unit, int every, bool enabled)
    {
        _context = context;
        _label = label;
        _unit = unit;
        _every = every;
        Reporter = enabled ? new Callback(this) : null;
    }

    /// <summary>Receives counts of finished units of work; null when progress is not shown.</summary>
    public IProgress<int>? Reporter { get; }

    /// <summary>Starts a progress line for <paramref name="label"/> counting fit starts, if standard error is a terminal.</summary>
    public static Progress Start(CliContext context, string label) => Start(context, label, "starts", 50);

    /// <summary>
    /// Starts a progress line for <paramref name="label"/> if standard error is a terminal; the line is redrawn
    /// each time the count of finished <paramref name="unit"/> crosses a multiple of <paramref name="every"/>.
    /// </summary>
    public static Progress Start(CliContext context, string label, string unit, int every) =>
        new(context, label, unit, Math.Max(1, every), context.ErrorIsTerminal);

    private void Report(int done)
    {
        lock (_gate)
        {
            if (done / _every == _last / _every) return;
            _last = done;
            _context.Error.Write($"\r{_label}: {done} {_unit} done");
        }
    }

    /// <summary>Clears the progress line.</summary>
    public void Dispose()
    {
        if (Reporter is not null && _last >= 0) _context.Error.Write("\r" + new string(' ', _label.Length + _unit.Length + 24) + "\r");
    }

    private sealed class Callback(Progress owner) : IProgress<int>
    {
        public void Report(int value) => owner.Report(value);
    }
}
