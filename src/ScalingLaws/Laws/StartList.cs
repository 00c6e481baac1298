using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>Collects explicit starting points, skipping any with a non-finite value.</summary>
internal sealed class StartList
{
    private readonly ImmutableArray<ImmutableDictionary<string, double>>.Builder _points =
        ImmutableArray.CreateBuilder<ImmutableDictionary<string, double>>();

    /// <summary>Adds one start; ignored when a value is NaN or infinite.</summary>
    public void Add(params (string Name, double Value)[] values)
    {
        foreach (var (_, value) in values)
            if (!double.IsFinite(value)) return;
        _points.Add(values.ToImmutableDictionary(v => v.Name, v => v.Value));
    }

    /// <summary>Number of starts collected.</summary>
    public int Count => _points.Count;

    /// <summary>The starts as <see cref="ExplicitStarts"/>.</summary>
    public ExplicitStarts Build() => new(_points.ToImmutable());
}
