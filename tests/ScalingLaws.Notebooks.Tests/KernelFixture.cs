using System.Collections.Concurrent;
using Xunit;

namespace ScalingLaws.Notebooks.Tests;

/// <summary>
/// Shared by the notebook tests: runs <c>bash notebooks/setup.sh</c> once (the documented command that packs the
/// libraries into the notebooks' feed, so the kernel loads this build), then executes each notebook at most once.
/// </summary>
public sealed class KernelFixture
{
    private readonly Lazy<ProcessRunner.Result> _setup = new(() =>
        ProcessRunner.Run("bash", [Repository.Path("notebooks", "setup.sh")], Repository.Root, TimeSpan.FromMinutes(10)));

    private readonly ConcurrentDictionary<string, Lazy<JupyterExecutor.Execution>> _runs = new();

    /// <summary>Folder of the executed copies: artifacts/executed-notebooks.</summary>
    public static string OutputFolder => Repository.Path("artifacts", "executed-notebooks");

    /// <summary>Executes <c>notebooks/&lt;name&gt;</c> (once) and returns the run; fails if setup.sh failed.</summary>
    public JupyterExecutor.Execution Run(string name) => _runs.GetOrAdd(name, n => new Lazy<JupyterExecutor.Execution>(() =>
    {
        EnsureSetUp();
        return JupyterExecutor.Execute(Repository.Path("notebooks", n), System.IO.Path.Combine(OutputFolder, n));
    })).Value;

    /// <summary>Runs setup.sh once; throws with its output when it failed.</summary>
    public void EnsureSetUp()
    {
        var setup = _setup.Value;
        if (setup.ExitCode != 0) throw new InvalidOperationException("bash notebooks/setup.sh failed:\n" + setup.Output);
    }
}

/// <summary>The tests that start the .NET Interactive kernel or build scripts: one at a time (2-core CI).</summary>
[CollectionDefinition(Name)]
public sealed class KernelCollection : ICollectionFixture<KernelFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "kernel";
}
