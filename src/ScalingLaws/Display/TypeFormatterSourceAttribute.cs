namespace ScalingLaws.Display;

/// <summary>
/// Names the class that makes a type's notebook formatters. .NET Interactive recognises an attribute by this name
/// on a displayed value's type and calls the source's <c>CreateTypeFormatters()</c>; each formatter has a
/// <c>MimeType</c> and <c>bool Format(object, TextWriter)</c>. Matching is by name, so the library needs no notebook
/// package and costs nothing outside a notebook.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The class with a public parameterless constructor and <c>CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;
}
