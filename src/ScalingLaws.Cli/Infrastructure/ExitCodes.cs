namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Process exit codes of <c>scaling-laws</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Bad input: a file, option, formula or value the message names.</summary>
    public const int BadInput = 1;

    /// <summary>A fit did not converge (accept with <c>--allow-unconverged</c>).</summary>
    public const int NotConverged = 2;
}
