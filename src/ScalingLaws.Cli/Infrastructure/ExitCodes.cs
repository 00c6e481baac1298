namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Process exit codes of <c>scaling-laws</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Bad input: a file, option, formula or value the message names.</summary>
    public const int BadInput = 1;

    /// <summary>A fit did not converge (accept with <c>--allow-unconverged</c>).</summary>
    public const int NotConverged = 2;

    /// <summary>A bug in ScalingLaws ("internal error, please report"; EX_SOFTWARE of sysexits.h).</summary>
    public const int InternalError = 70;

    /// <summary>Cancelled by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
