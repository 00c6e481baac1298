using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>One fitted parameter of a <see cref="FitDocument"/>.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Value">Fitted value.</param>
/// <param name="StandardError">Standard error (NaN, written null, when unavailable).</param>
/// <param name="Lower">Lower bound (−∞ written null).</param>
/// <param name="Upper">Upper bound (+∞ written null).</param>
/// <param name="Initial">Value at the start that produced the best fit.</param>
/// <param name="AtBound">Whether the value ended at a bound.</param>
/// <param name="State"><c>free</c>, <c>lower</c>, <c>upper</c> or <c>fixed</c>.</param>
/// <param name="Bootstrap">Bootstrap interval of this parameter, when computed (omitted otherwise).</param>
public sealed record FitParameterEntry(
    string Name, double Value, double StandardError, double Lower, double Upper, double Initial, bool AtBound, string State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ParameterBootstrapEntry? Bootstrap = null);
