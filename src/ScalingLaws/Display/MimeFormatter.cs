namespace ScalingLaws.Display;

/// <summary>A notebook formatter by convention: a MIME type and a function writing a value in it.</summary>
internal sealed class MimeFormatter(string mimeType, Func<object, string?> render)
{
    /// <summary>The MIME type written, e.g. <c>text/html</c>.</summary>
    public string MimeType { get; } = mimeType;

    /// <summary>Writes <paramref name="instance"/>; false when this formatter does not handle it.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        var text = render(instance);
        if (text is null) return false;
        writer.Write(text);
        return true;
    }
}
