using System.Reflection;
using System.Reflection.Emit;

namespace ScalingLaws.Tests.Conventions;

/// <summary>
/// The types a type refers to, read from its metadata and IL: base type, interfaces, fields, properties,
/// events, method signatures, locals, and every type, field and method token in method bodies (generic
/// arguments included). Compiler-generated nested types (closures, iterators) count for their outer type.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
        BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Every type of <paramref name="assembly"/> (nested ones included) with the types it refers to.</summary>
    public static IEnumerable<(Type Type, IReadOnlySet<Type> References)> Of(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
            yield return (type, Collect(type));
    }

    /// <summary>The members of other types that <paramref name="type"/>'s method bodies use.</summary>
    public static IEnumerable<MemberInfo> MembersUsedBy(Type type)
    {
        foreach (var method in Methods(type))
            foreach (var member in BodyMembers(method))
                yield return member;
    }

    private static HashSet<Type> Collect(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(found, i);
        foreach (var f in type.GetFields(Everything)) Add(found, f.FieldType);
        foreach (var p in type.GetProperties(Everything)) Add(found, p.PropertyType);
        foreach (var e in type.GetEvents(Everything)) Add(found, e.EventHandlerType);
        foreach (var method in Methods(type))
        {
            if (method is MethodInfo info) Add(found, info.ReturnType);
            foreach (var parameter in method.GetParameters()) Add(found, parameter.ParameterType);
            var body = method.GetMethodBody();
            if (body is not null)
                foreach (var local in body.LocalVariables) Add(found, local.LocalType);
            foreach (var member in BodyMembers(method))
            {
                switch (member)
                {
                    case Type t: Add(found, t); break;
                    case FieldInfo f: Add(found, f.DeclaringType); Add(found, f.FieldType); break;
                    case MethodBase m:
                        Add(found, m.DeclaringType);
                        if (m is MethodInfo mi) { Add(found, mi.ReturnType); foreach (var g in mi.IsGenericMethod ? mi.GetGenericArguments() : []) Add(found, g); }
                        foreach (var p in m.GetParameters()) Add(found, p.ParameterType);
                        break;
                }
            }
        }
        return found;
    }

    private static IEnumerable<MethodBase> Methods(Type type) =>
        type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null) return;
        while (type.HasElementType) type = type.GetElementType()!;
        if (type.IsGenericParameter) return;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments()) Add(found, argument);
            type = type.GetGenericTypeDefinition();
        }
        found.Add(type);
    }

    private static IEnumerable<MemberInfo> BodyMembers(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException) { il = null; }
        if (il is null) yield break;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    MemberInfo? member;
                    try { member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments); }
                    catch (ArgumentException) { member = null; }
                    if (member is not null) yield return member;
                    i += 4;
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                default: i += 4; break;
            }
        }
    }
}
