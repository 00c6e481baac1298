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
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(ImmutableArray<double>))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
