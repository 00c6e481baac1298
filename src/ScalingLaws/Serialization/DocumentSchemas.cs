using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Serialization;

/// <summary>
/// The JSON Schema of every typed document but the saved fit (whose schema, <c>docs/schema/fit.schema.json</c>, is written by
/// hand), exported from the document types themselves so the schema files in <c>docs/schema/</c> cannot drift from what is
/// written: every member required, no other members, numbers as number-or-null (non-finite numbers are written null), maps as
/// objects of their value type, <c>schemaVersion</c> and <c>kind</c> constant.
/// </summary>
internal static class DocumentSchemas
{
    /// <summary>One document: its kind, its schema file name in <c>docs/schema/</c>, its metadata and which command writes it.</summary>
    public sealed record Entry(string Kind, Type Type, string Writer)
    {
        /// <summary>The schema file name, <c>KIND.schema.json</c>.</summary>
        public string FileName => Kind + ".schema.json";
    }

    private static readonly DocumentJsonContext Context = DocumentJsonContext.Default;

    /// <summary>Every document kind with an exported schema.</summary>
    public static ImmutableArray<Entry> All { get; } =
    [
        new("predictions", typeof(PredictionsDocument), "predict --format json"),
        new("comparison", typeof(ComparisonDocument), "compare --format json"),
        new("validation", typeof(ValidationDocument), "validate --hold-out-… --format json"),
        new("cross-validation", typeof(CrossValidationDocument), "validate --folds K --format json"),
        new("laws", typeof(LawCatalogDocument), "laws --format json"),
        new("mixture-plan", typeof(MixturePlanDocument), "optimize --format json (mixtures), optimize --nested --format json"),
        new("allocation", typeof(AllocationDocument), "optimize --budget C=… --format json, cpt --compute … --format json"),
        new("frontier", typeof(FrontierDocument), "optimize --frontier … --format json"),
        new("cpt-choice", typeof(CptChoiceDocument), "cpt --format json (trade-off, limited domain data)"),
        new("critical-mixture-ratio", typeof(CriticalRatioDocument), "cpt --cmr --format json"),
        new("critical-ratio-curve", typeof(CriticalRatioCurveDocument), "cpt --tokens-range … --format json, cpt --cmr-fit … --format json"),
        new("pareto-front", typeof(ParetoFrontDocument), "cpt --pareto K --format json"),
        new("run-plan", typeof(RunPlanDocument), "design --format json"),
        new("next-runs", typeof(NextRunsDocument), "design --next K --format json"),
        new("design-simulation", typeof(DesignSimulationDocument), "design --simulate … --format json"),
        new("nested-prediction", typeof(NestedPredictionDocument), "predict --nested --format json"),
        new("sweep", typeof(SweepIndexDocument), "sweep (sweep.json)"),
        new("sweep-job", typeof(SweepJobDocument), "sweep (each job's job.json)"),
    ];

    private static readonly Dictionary<Type, string> Kinds = new(All.Select(e => KeyValuePair.Create(e.Type, e.Kind)).Append(KeyValuePair.Create(typeof(FitDocument), "fit")));

    /// <summary>The schema of <paramref name="entry"/>, indented, with a final newline.</summary>
    public static string Export(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var schema = Schema(Context.GetTypeInfo(entry.Type)!).AsObject();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://scalinglaws.example/schema/{entry.FileName}",
            ["title"] = $"ScalingLaws {entry.Kind} document",
            ["description"] = $"Written by 'scaling-laws {entry.Writer}'. Exported from the document type; numbers that are not finite are null.",
        };
        foreach (var (name, value) in schema.ToList())
        {
            schema.Remove(name);
            root[name] = value;
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonNode Schema(JsonTypeInfo info) => info.GetJsonSchemaAsNode(new JsonSchemaExporterOptions
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = Transform,
    });

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = context.TypeInfo.Type;
        bool nullable = context.PropertyInfo is { } p ? p.IsGetNullable : !type.IsValueType;
        if (type == typeof(double) || type == typeof(double?)) return new JsonObject { ["type"] = new JsonArray("number", "null") };
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableSortedDictionary<,>))
        {
            var values = Schema(Context.GetTypeInfo(type.GetGenericArguments()[1])!);
            return new JsonObject { ["type"] = nullable ? new JsonArray("object", "null") : "object", ["additionalProperties"] = values };
        }
        if (context.PropertyInfo?.Name == "schemaVersion") return new JsonObject { ["const"] = SchemaVersion.Current };
        if (context.PropertyInfo is { Name: "kind" } kind && Kinds.TryGetValue(kind.DeclaringType, out var name)) return new JsonObject { ["const"] = name };
        if (schema is JsonObject o && o.ContainsKey("properties")) o["additionalProperties"] = false;
        return schema;
    }
}
