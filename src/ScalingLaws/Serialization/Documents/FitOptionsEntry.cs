using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>The options of a fit (see <see cref="Fitting.FitOptions"/>); maps are written with keys in ordinal order.</summary>
/// <param name="Loss">Robust loss as text (<c>l2</c>, <c>huber:0.001</c>, …), or null for the law's recipe.</param>
/// <param name="Space"><c>linear</c> or <c>log</c>, or null for the law's recipe.</param>
/// <param name="CostTolerance">Relative cost tolerance.</param>
/// <param name="StepTolerance">Relative step tolerance.</param>
/// <param name="GradientTolerance">Gradient tolerance.</param>
/// <param name="MaxIterations">Trial steps per start.</param>
/// <param name="GeodesicAcceleration">Whether geodesic acceleration was on.</param>
/// <param name="Seed">Seed of the random starts.</param>
/// <param name="Initial">Initial values by parameter.</param>
/// <param name="Fixed">Fixed values by parameter.</param>
/// <param name="Bounds">Bounds [lower, upper] by parameter (null ends are unbounded).</param>
/// <param name="Starts">The start strategy.</param>
public sealed record FitOptionsEntry(
    string? Loss, string? Space, double CostTolerance, double StepTolerance, double GradientTolerance, int MaxIterations,
    bool GeodesicAcceleration, int Seed,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double> Initial,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double> Fixed,
    [property: JsonConverter(typeof(OrdinalMapConverter<ImmutableArray<double>>))] ImmutableSortedDictionary<string, ImmutableArray<double>> Bounds,
    FitStartsOptionEntry Starts);
