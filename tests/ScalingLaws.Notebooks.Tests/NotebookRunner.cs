using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace ScalingLaws.Notebooks.Tests;

/// <summary>
/// Runs the C# code cells of a .NET Interactive notebook in order with Roslyn scripting, one script
/// state across cells. <c>#r</c> and <c>#!</c> lines are skipped (the library is referenced by the runner);
/// a trailing expression's value is captured like the notebook's display.
/// </summary>
public static class NotebookRunner
{
    public sealed class Globals
    {
        public StringBuilder Output { get; } = new();
        public void display(object? value) => Output.AppendLine(value?.ToString());
    }

    public sealed record CellResult(int Index, string Code, string? Value);

    public static (IReadOnlyList<CellResult> Cells, string Output) Run(string path)
    {
        var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        var cells = root.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString())))
            .ToList();
        var options = ScriptOptions.Default
            .WithFilePath(path)
            .AddReferences(typeof(Enumerable).Assembly, typeof(Console).Assembly, typeof(ScalingLaws.Fitting.FitResult).Assembly,
                typeof(ScalingLaws.Plotting.PlotFiles).Assembly)
            .AddImports("System", "System.IO", "System.Linq", "System.Collections.Generic");
        var globals = new Globals();
        ScriptState<object>? state = null;
        var results = new List<CellResult>();
        string previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Path.GetDirectoryName(path)!);
        try
        {
            for (int i = 0; i < cells.Count; i++)
            {
                var code = string.Join("\n", cells[i].Split('\n').Where(l => !l.TrimStart().StartsWith("#r ") && !l.TrimStart().StartsWith("#!")));
                try
                {
                    state = state is null
                        ? CSharpScript.RunAsync(code, options, globals, typeof(Globals)).GetAwaiter().GetResult()
                        : state.ContinueWithAsync(code, options).GetAwaiter().GetResult();
                }
                catch (CompilationErrorException e)
                {
                    throw new InvalidOperationException($"{Path.GetFileName(path)} cell {i + 1}: {string.Join("; ", e.Diagnostics)}");
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"{Path.GetFileName(path)} cell {i + 1}: {e.GetType().Name}: {e.Message}", e);
                }
                results.Add(new CellResult(i + 1, code, state.ReturnValue?.ToString()));
            }
        }
        finally { Directory.SetCurrentDirectory(previous); }
        return (results, globals.Output.ToString());
    }
}
