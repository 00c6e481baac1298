using System.Text.Json;

namespace ScalingLaws.Cli.Tests;

/// <summary>Runs the real command line in-process and captures its output, error and exit code.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public JsonElement Json => JsonDocument.Parse(Out).RootElement;
    }

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.RunAsync(args, output, error).GetAwaiter().GetResult();
        return new Result(code, output.ToString(), error.ToString());
    }

    public static string DataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "scaling-laws-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string WriteTemp(string name, string content)
    {
        var path = Path.Combine(TempDir(), name);
        File.WriteAllText(path, content);
        return path;
    }
}
