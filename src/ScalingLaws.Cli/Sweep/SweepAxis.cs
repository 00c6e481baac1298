using System.Collections.Immutable;

namespace ScalingLaws.Cli.Sweep;

/// <summary>One axis of a sweep: a name and its values.</summary>
/// <param name="Name">The name used in <c>{name}</c> placeholders and in job ids.</param>
/// <param name="Values">
/// The values: text for <c>{name}</c> placeholders, or option sets (option name → value) that a template
/// merges into its options with <c>with: [name]</c>.
/// </param>
internal sealed record SweepAxis(string Name, ImmutableArray<SweepValue> Values);
