using ScalingLaws.Display;

namespace ScalingLaws.Plotting.Display;

/// <summary>The notebook formatter source of <see cref="InlineFigure"/>: its HTML (an image) and a one-line text.</summary>
internal sealed class InlineFigureFormatters
{
    /// <summary>The formatters, HTML first.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new MimeFormatter("text/html", v => (v as InlineFigure)?.ToHtml()),
        new MimeFormatter("text/plain", v => v is InlineFigure f ? $"{f.MimeType} figure, {f.Width} × {f.Height} pixels" : null),
    ];
}
