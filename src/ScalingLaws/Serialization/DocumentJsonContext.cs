using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Serialization;

/// <summary>Source-generated System.Text.Json metadata for every typed document (camelCase names, finite-or-null numbers).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(FiniteNumberConverter)],
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(FitDocument))]
[JsonSerializable(typeof(FitsDocument))]
[JsonSerializable(typeof(PredictionsDocument))]
[JsonSerializable(typeof(ComparisonDocument))]
[JsonSerializable(typeof(ValidationDocument))]
[JsonSerializable(typeof(CrossValidationDocument))]
[JsonSerializable(typeof(LawCatalogDocument))]
[JsonSerializable(typeof(MixturePlanDocument))]
[JsonSerializable(typeof(AllocationDocument))]
[JsonSerializable(typeof(FrontierDocument))]
[JsonSerializable(typeof(CptChoiceDocument))]
[JsonSerializable(typeof(CriticalRatioDocument))]
[JsonSerializable(typeof(CriticalRatioCurveDocument))]
[JsonSerializable(typeof(ParetoFrontDocument))]
[JsonSerializable(typeof(RunPlanDocument))]
[JsonSerializable(typeof(NextRunsDocument))]
[JsonSerializable(typeof(DesignSimulationDocument))]
[JsonSerializable(typeof(NestedPredictionDocument))]
[JsonSerializable(typeof(SweepIndexDocument))]
[JsonSerializable(typeof(SweepJobDocument))]
[JsonSerializable(typeof(BoundsEntry))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(ImmutableArray<double>))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
