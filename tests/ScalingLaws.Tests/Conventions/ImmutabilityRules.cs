using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ScalingLaws.Tests.Conventions;

/// <summary>
/// DESIGN.md: results are immutable (records, ImmutableArray); a mutable thing is a ...Builder. A public
/// type breaks the rule with a public setter other than <c>init</c>, a public non-readonly field, or a
/// public property or field of a mutable collection type (arrays, List, Dictionary, HashSet, ...).
/// Properties that implement an interface of another assembly (ScottPlot's tick generator) follow that
/// interface and are left out.
/// </summary>
internal static class ImmutabilityRules
{
    /// <summary>One line per violation in the public types of <paramref name="assembly"/>.</summary>
    public static IEnumerable<string> Violations(Assembly assembly)
    {
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type.Name.EndsWith("Builder", StringComparison.Ordinal) || typeof(Delegate).IsAssignableFrom(type) || type.IsEnum)
                continue;
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var foreign = ForeignInterfaceMethods(type);
            foreach (var property in type.GetProperties(flags))
            {
                if (property.GetMethod is { } getter && foreign.Contains(getter)) continue;
                if (property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                    yield return $"{type.FullName}.{property.Name} has a public setter";
                if (IsMutableCollection(property.PropertyType))
                    yield return $"{type.FullName}.{property.Name} is a mutable {Name(property.PropertyType)}";
            }
            foreach (var field in type.GetFields(flags))
            {
                if (!field.IsInitOnly && !field.IsLiteral)
                    yield return $"{type.FullName}.{field.Name} is a writable public field";
                if (IsMutableCollection(field.FieldType))
                    yield return $"{type.FullName}.{field.Name} is a mutable {Name(field.FieldType)}";
            }
        }
    }

    private static HashSet<MethodInfo> ForeignInterfaceMethods(Type type) =>
        type.IsInterface
            ? []
            : type.GetInterfaces().Where(i => i.Assembly != type.Assembly)
                .SelectMany(i => type.GetInterfaceMap(i).TargetMethods).ToHashSet();

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static readonly HashSet<Type> MutableCollections =
    [
        typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(SortedSet<>), typeof(SortedDictionary<,>),
        typeof(SortedList<,>), typeof(Queue<>), typeof(Stack<>), typeof(LinkedList<>), typeof(ICollection<>), typeof(IList<>),
        typeof(IDictionary<,>), typeof(ISet<>), typeof(System.Collections.ObjectModel.Collection<>), typeof(ArrayList), typeof(Hashtable),
    ];

    /// <summary>Whether <paramref name="type"/> is an array or a collection that can be changed through its own members.</summary>
    internal static bool IsMutableCollection(Type type) =>
        type.IsArray || MutableCollections.Contains(type.IsGenericType ? type.GetGenericTypeDefinition() : type);

    private static string Name(Type type) => type.IsArray ? type.GetElementType()!.Name + "[]" : type.Name;
}
