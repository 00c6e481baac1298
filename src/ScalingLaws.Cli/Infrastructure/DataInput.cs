using ScalingLaws.Data;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// The runs a command works on, resolved once from the data options (<see cref="DataOptions.Resolve(System.CommandLine.ParseResult, bool)"/>):
/// the table after <c>--derive</c>, <c>--where</c>, <c>--drop-highest</c> and weight normalisation, the target columns,
/// and the column binding (<c>--map</c>, weight columns, <c>--normalize-weights</c>) saved with every fit.
/// </summary>
/// <param name="Table">The rows to use.</param>
/// <param name="Targets">Target columns (several when <c>--target</c> is a pattern).</param>
/// <param name="Binding">How law variables read columns.</param>
internal sealed record DataInput(RunTable Table, IReadOnlyList<string> Targets, ColumnBinding Binding)
{
    /// <summary>The domain-weight columns, or null when the law reads none.</summary>
    public IReadOnlyList<string>? Domains => Binding.Weights.IsEmpty ? null : Binding.Weights;

    /// <summary>The single target column of a command that fits one target.</summary>
    /// <param name="command">The command's name, for the message.</param>
    /// <exception cref="CliException">The target pattern matched several columns.</exception>
    public string SingleTarget(string command) => Targets.Count == 1 ? Targets[0]
        : throw new CliException($"Option '--target': '{command}' fits one target, but the pattern matches {Targets.Count} columns ({string.Join(", ", Targets)}); name one.");
}
