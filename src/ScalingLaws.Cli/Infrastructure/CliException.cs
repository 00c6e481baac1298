namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Bad input detected by the CLI; the message names the option, file, line or column. Exit code 1.</summary>
internal sealed class CliException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public CliException(string message) : base(message) { }
}
