namespace ScalingLaws.Data;

/// <summary>What a <see cref="RunColumn"/> holds.</summary>
public enum ColumnKind
{
    /// <summary>Double values; a missing value is <see cref="double.NaN"/>.</summary>
    Numeric,

    /// <summary>Strings; a missing value is the empty string.</summary>
    Text,
}
