using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// Validation of the domain-weight column names a mixture law is built with, and the suffix used in
/// its per-domain parameter names (the domain a column stands for, <see cref="WeightColumnNames.Domain"/>).
/// </summary>
internal static partial class DomainColumns
{
    private static readonly ImmutableHashSet<string> Reserved = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "exp", "log", "sqrt", "pow", "sin", "cos", "tan", "atan", "abs", "min", "max", "pi");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    /// <summary>Checks the list and returns it as an immutable array.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="domains"/> is null.</exception>
    /// <exception cref="ArgumentException">Empty list, empty, duplicate, reserved or non-identifier names.</exception>
    public static ImmutableArray<string> Validate(IReadOnlyList<string> domains, string lawName)
    {
        ArgumentNullException.ThrowIfNull(domains);
        if (domains.Count == 0)
            throw new ArgumentException($"Law '{lawName}' needs at least one domain-weight column (e.g. h_web, h_code).", nameof(domains));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string d in domains)
        {
            if (string.IsNullOrWhiteSpace(d))
                throw new ArgumentException($"Law '{lawName}': a domain-weight column name is empty.", nameof(domains));
            if (!Identifier().IsMatch(d))
                throw new ArgumentException(
                    $"Law '{lawName}': domain column '{d}' is not a formula identifier (letters, digits and '_', not starting with a digit); rename the column.",
                    nameof(domains));
            if (Reserved.Contains(d))
                throw new ArgumentException($"Law '{lawName}': domain column '{d}' is a reserved function name; rename the column.", nameof(domains));
            if (!seen.Add(d))
                throw new ArgumentException($"Law '{lawName}': domain column '{d}' is listed twice.", nameof(domains));
        }
        return domains.ToImmutableArray();
    }

    /// <summary>The name used in per-domain parameters: the domain the column stands for (<see cref="WeightColumnNames.Domain"/>).</summary>
    public static string Suffix(string column) => WeightColumnNames.Domain(column);

    /// <summary>Throws when a variable or parameter name repeats, or a parameter has a variable's name.</summary>
    public static void CheckNames(IEnumerable<ParameterSpec> parameters, IEnumerable<string> variables, string lawName)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var variableSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (string v in variables)
            if (!variableSet.Add(v))
                throw new ArgumentException($"Law '{lawName}': domain column '{v}' has the same name as another variable of the law; rename the column.", "domains");
        foreach (var p in parameters)
        {
            if (!names.Add(p.Name))
                throw new ArgumentException($"Law '{lawName}': the domain columns produce the parameter name '{p.Name}' twice; rename a column.", "domains");
            if (variableSet.Contains(p.Name))
                throw new ArgumentException($"Law '{lawName}': column '{p.Name}' has the same name as a parameter; rename the column.", "domains");
        }
    }
}
