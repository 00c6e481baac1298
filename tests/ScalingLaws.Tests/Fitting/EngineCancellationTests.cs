using System.Diagnostics;
using ScalingLaws.Fitting;
using Xunit;
using static ScalingLaws.Tests.Fitting.EngineTestProblems;

namespace ScalingLaws.Tests.Fitting;

/// <summary>A cancelled fit returns promptly with <see cref="Termination.Cancelled"/> instead of throwing.</summary>
public class EngineCancellationTests
{
    [Fact]
    public void PreCancelledTokenStopsManyStartsPromptly()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var clock = Stopwatch.StartNew();
        var fit = LevenbergMarquardt.Fit(DecayLaw(), Decay(n: 2000), new FitOptions
        {
            Starts = new RandomStarts(20_000), Bounds = Bounds(("A", 0, 5), ("k", 0, 2), ("c", -1, 1)),
            CancellationToken = source.Token,
        });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        Assert.Equal(Termination.Cancelled, fit.Termination);
        Assert.False(fit.IsUsable);
        Assert.True(fit.Starts.Tried < 20_000);
    }

    [Fact]
    public void PreCancelledTokenStopsASingleStart()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var fit = LevenbergMarquardt.Fit(DecayLaw(), Decay(), new FitOptions { CancellationToken = source.Token });
        Assert.Equal(Termination.Cancelled, fit.Termination);
        Assert.False(fit.IsUsable);
    }

    [Fact]
    public void CancellationDuringTheFitReturnsPromptly()
    {
        using var source = new CancellationTokenSource();
        var progress = new CancelAfter(5, source);
        var clock = Stopwatch.StartNew();
        var fit = LevenbergMarquardt.Fit(DecayLaw(), Decay(n: 2000), new FitOptions
        {
            Starts = new RandomStarts(5_000), Bounds = Bounds(("A", 0, 5), ("k", 0, 2), ("c", -1, 1)),
            Screening = null, MaxDegreeOfParallelism = 1, CancellationToken = source.Token, Progress = progress,
        });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
        Assert.Equal(Termination.Cancelled, fit.Termination);
        Assert.Equal(5, fit.Starts.Tried);
        Assert.False(fit.IsUsable);
    }

    /// <summary>Cancels synchronously once <paramref name="count"/> starts have finished.</summary>
    private sealed class CancelAfter(int count, CancellationTokenSource source) : IProgress<int>
    {
        public void Report(int value) { if (value >= count) source.Cancel(); }
    }
}
