namespace ScalingLaws.Display;

/// <summary>The formatter source of the library's result types: HTML tables (<see cref="HtmlView"/>) and plain text (<see cref="TextView"/>).</summary>
internal sealed class NotebookFormatters
{
    /// <summary>The formatters, HTML first.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
        [new MimeFormatter("text/html", HtmlView.TryRender), new MimeFormatter("text/plain", TextView.TryRender)];
}
