using System.Collections.Immutable;

namespace ScalingLaws.Cli.Sweep;

/// <summary>One value of an axis or option: text, a list of texts (a repeated option), or an option set.</summary>
/// <param name="Text">The text (for a scalar; "true"/"false" for a flag).</param>
/// <param name="Items">The texts of a list (the option is repeated once per item); empty otherwise.</param>
/// <param name="Options">The options of an option set, in plan order; empty otherwise.</param>
internal sealed record SweepValue(string? Text, ImmutableArray<string> Items, ImmutableArray<KeyValuePair<string, SweepValue>> Options)
{
    /// <summary>A scalar.</summary>
    public static SweepValue Scalar(string? text) => new(text, [], []);

    /// <summary>Whether this is an option set.</summary>
    public bool IsOptionSet => !Options.IsDefaultOrEmpty;

    /// <summary>How the value reads in a job id: the text, the items joined by '|', or the options as name=value joined by ' '.</summary>
    public string Label => IsOptionSet
        ? string.Join(" ", Options.Select(o => o.Key + "=" + o.Value.Label))
        : !Items.IsDefaultOrEmpty ? string.Join("|", Items) : Text ?? "";
}
