namespace ScalingLaws.Notebooks.Tests;

/// <summary>
/// Executes a notebook headless the way a user's Jupyter does: <c>jupyter nbconvert --execute</c> with the
/// <c>.net-csharp</c> kernel (.NET Interactive), in the notebook's own folder, stopping at the first failing cell.
/// </summary>
public static class JupyterExecutor
{
    /// <summary>The kernel every notebook is run with.</summary>
    public const string Kernel = ".net-csharp";

    /// <summary>How the run went: the process, and the executed notebook when Jupyter wrote one.</summary>
    public sealed record Execution(string Notebook, ProcessRunner.Result Process, ExecutedNotebook? Executed)
    {
        /// <summary>True when every cell ran and no output is an error or stderr text.</summary>
        public bool Succeeded => Process.ExitCode == 0 && Executed is not null && !Executed.Errors.Any();

        /// <summary>What went wrong, for an assertion message.</summary>
        public string Failure => Succeeded ? "" :
            $"{System.IO.Path.GetFileName(Notebook)} failed (exit {Process.ExitCode}):\n"
            + string.Join("\n", Executed?.Errors ?? []) + "\n" + Tail(Process.Output, 4000);
    }

    /// <summary>Executes <paramref name="notebook"/> and writes the executed copy to <paramref name="output"/>.</summary>
    public static Execution Execute(string notebook, string output)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(output)!);
        if (File.Exists(output)) File.Delete(output);
        var result = ProcessRunner.Run("jupyter",
            ["nbconvert", "--to", "notebook", "--execute", $"--ExecutePreprocessor.kernel_name={Kernel}", "--ExecutePreprocessor.timeout=900",
             "--output", output, notebook],
            System.IO.Path.GetDirectoryName(notebook)!, TimeSpan.FromMinutes(20));
        return new Execution(notebook, result, result.ExitCode == 0 && File.Exists(output) ? ExecutedNotebook.Read(output) : null);
    }

    private static string Tail(string text, int length) => text.Length <= length ? text : "…" + text[^length..];
}
