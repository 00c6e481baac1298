using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>
/// The saved fit (<c>"kind": "fit"</c>, schema <c>docs/schema/fit.schema.json</c>): the law and its domains, the fitted
/// parameters with standard errors and bounds, statistics, termination, covariance, the fit options and the column binding
/// that produced it — everything needed to use the fit again. Numbers that are not finite are written as <c>null</c>.
/// </summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>fit</c>.</param>
/// <param name="Law">Catalogue name, or <c>formula</c> for a user formula.</param>
/// <param name="Formula">The law's formula text.</param>
/// <param name="Target">Target column.</param>
/// <param name="Variables">Variables in the law's order.</param>
/// <param name="Domains">Domain-weight variables of a mixture law (empty for other laws).</param>
/// <param name="Parameters">Fitted parameters in the law's order.</param>
/// <param name="Statistics">Goodness-of-fit statistics.</param>
/// <param name="Objective">Objective ½Σρ(rᵢ²) at the solution.</param>
/// <param name="Loss">The robust loss the fit used, as text (<c>l2</c>, <c>huber:0.001</c>, …).</param>
/// <param name="Space">The residual space the fit used: <c>linear</c> or <c>log</c>.</param>
/// <param name="Termination">Why the solver stopped (enum name).</param>
/// <param name="TerminationMessage">The same in words.</param>
/// <param name="Usable">Whether the fit converged to a finite objective.</param>
/// <param name="Starts">How many starts were tried, converged and reached the best.</param>
/// <param name="Iterations">Solver iterations of the best start.</param>
/// <param name="ElapsedMs">Wall time in milliseconds.</param>
/// <param name="Covariance">Parameter covariance, or why it is unavailable.</param>
/// <param name="Warnings">Warnings raised by the fit.</param>
/// <param name="Options">The fit options.</param>
public sealed record FitDocument(
    int SchemaVersion, string Kind, string Law, string Formula, string Target,
    ImmutableArray<string> Variables, ImmutableArray<string> Domains,
    ImmutableArray<FitParameterEntry> Parameters, FitStatisticsEntry Statistics,
    double Objective, string Loss, string Space, string Termination, string TerminationMessage, bool Usable,
    FitStartsEntry Starts, int Iterations, double ElapsedMs, FitCovarianceEntry Covariance,
    ImmutableArray<string> Warnings, FitOptionsEntry Options)
{
    /// <summary>How the law's variables were bound to the data's columns (absent in documents that do not record it).</summary>
    public FitInputEntry? Input { get; init; }

    /// <summary>Bootstrap summary, when intervals were computed (omitted otherwise).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FitBootstrapEntry? Bootstrap { get; init; }
}
