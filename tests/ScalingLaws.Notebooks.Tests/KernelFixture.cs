using Xunit;

namespace ScalingLaws.Notebooks.Tests;

/// <summary>
/// Shared by the notebook and example tests. On creation it runs <c>bash notebooks/setup.sh</c> (the documented
/// command that packs the libraries into the notebooks' feed, so the kernel loads this build) and then starts every
/// notebook in the background, <see cref="Concurrency"/> kernel at a time (kernels started side by side on a loaded
/// two-core machine were seen to die), while the example scripts run.
/// </summary>
public sealed class KernelFixture
{
    /// <summary>Kernels running at once.</summary>
    public const int Concurrency = 1;

    private readonly SemaphoreSlim _slots = new(Concurrency);
    private readonly Task<ProcessRunner.Result> _setup;
    private readonly Dictionary<string, Task<JupyterExecutor.Execution>> _runs;

    /// <summary>Starts setup.sh and then every notebook in notebooks/.</summary>
    public KernelFixture()
    {
        _setup = Task.Run(() => ProcessRunner.Run("bash", [Repository.Path("notebooks", "setup.sh")], Repository.Root, TimeSpan.FromMinutes(10)));
        _runs = Repository.Notebooks().ToDictionary(
            name => name, name => ExecuteAsync(Repository.Path("notebooks", name), System.IO.Path.Combine(OutputFolder, name)));
    }

    /// <summary>Folder of the executed copies: artifacts/executed-notebooks.</summary>
    public static string OutputFolder => Repository.Path("artifacts", "executed-notebooks");

    /// <summary>The run of <c>notebooks/&lt;name&gt;</c>, waiting for it to finish.</summary>
    public JupyterExecutor.Execution Run(string name) =>
        _runs.TryGetValue(name, out var run) ? run.GetAwaiter().GetResult() : throw new KeyNotFoundException($"No notebook notebooks/{name}.");

    /// <summary>Executes any notebook with the same executor, after setup.sh and within the same kernel limit.</summary>
    public JupyterExecutor.Execution Execute(string notebook, string output) => ExecuteAsync(notebook, output).GetAwaiter().GetResult();

    /// <summary>Waits for setup.sh; throws with its output when it failed.</summary>
    public void EnsureSetUp()
    {
        var setup = _setup.GetAwaiter().GetResult();
        if (setup.ExitCode != 0) throw new InvalidOperationException("bash notebooks/setup.sh failed:\n" + setup.Output);
    }

    private Task<JupyterExecutor.Execution> ExecuteAsync(string notebook, string output) => Task.Run(async () =>
    {
        EnsureSetUp();
        await _slots.WaitAsync();
        try { return JupyterExecutor.Execute(notebook, output); }
        finally { _slots.Release(); }
    });
}

/// <summary>
/// The tests that start the .NET Interactive kernel or build scripts. The example scripts wait for setup.sh (both
/// build the libraries' projects) and then run one at a time while the notebooks execute.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KernelCollection : ICollectionFixture<KernelFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "kernel";
}
