using System.Reflection;
using System.Reflection.Emit;

namespace ScalingLaws.Expressions;

/// <summary>
/// Straight-line double arithmetic on <see cref="Operand"/>s. The <c>Raw</c> methods always emit
/// the operation (values keep IEEE semantics); the others simplify with 0 and 1, for derivatives,
/// whose zeros are structural.
/// </summary>
internal sealed class IlEmitter(ILGenerator il)
{
    public ILGenerator Il { get; } = il;

    public Operand Store()
    {
        LocalBuilder local = Il.DeclareLocal(typeof(double));
        Il.Emit(OpCodes.Stloc, local);
        return new Operand(local, 0);
    }

    public Operand Raw(OpCode op, Operand a, Operand b)
    {
        a.Load(Il);
        b.Load(Il);
        Il.Emit(op);
        return Store();
    }

    public Operand RawNegate(Operand a)
    {
        a.Load(Il);
        Il.Emit(OpCodes.Neg);
        return Store();
    }

    public Operand Call(MethodInfo method, Operand a)
    {
        a.Load(Il);
        Il.Emit(OpCodes.Call, method);
        return Store();
    }

    public Operand Call(MethodInfo method, Operand a, Operand b)
    {
        a.Load(Il);
        b.Load(Il);
        Il.Emit(OpCodes.Call, method);
        return Store();
    }

    public Operand Add(Operand a, Operand b)
    {
        if (a.Is(0)) return b;
        if (b.Is(0)) return a;
        if (a.IsConstant && b.IsConstant) return Operand.Of(a.Constant + b.Constant);
        return Raw(OpCodes.Add, a, b);
    }

    public Operand Subtract(Operand a, Operand b)
    {
        if (b.Is(0)) return a;
        if (a.Is(0)) return Negate(b);
        if (a.IsConstant && b.IsConstant) return Operand.Of(a.Constant - b.Constant);
        return Raw(OpCodes.Sub, a, b);
    }

    public Operand Multiply(Operand a, Operand b)
    {
        if (a.Is(0) || b.Is(0)) return Operand.Of(0);
        if (a.Is(1)) return b;
        if (b.Is(1)) return a;
        if (a.Is(-1)) return Negate(b);
        if (b.Is(-1)) return Negate(a);
        if (a.IsConstant && b.IsConstant) return Operand.Of(a.Constant * b.Constant);
        return Raw(OpCodes.Mul, a, b);
    }

    public Operand Divide(Operand a, Operand b)
    {
        if (a.Is(0)) return Operand.Of(0);
        if (b.Is(1)) return a;
        if (a.IsConstant && b.IsConstant) return Operand.Of(a.Constant / b.Constant);
        return Raw(OpCodes.Div, a, b);
    }

    public Operand Negate(Operand a) => a.IsConstant ? Operand.Of(-a.Constant) : RawNegate(a);

    /// <summary>Loads the double at <paramref name="argument"/>[<paramref name="index"/>] (a <c>double*</c> argument).</summary>
    public Operand LoadElement(short argument, int index)
    {
        EmitAddress(argument, index);
        Il.Emit(OpCodes.Ldind_R8);
        return Store();
    }

    /// <summary>Loads the double at <paramref name="pointer"/>[<paramref name="index"/>] (a <c>double*</c> local).</summary>
    public Operand LoadElement(LocalBuilder pointer, int index)
    {
        Il.Emit(OpCodes.Ldloc, pointer);
        if (index != 0)
        {
            Il.Emit(OpCodes.Ldc_I4, index * sizeof(double));
            Il.Emit(OpCodes.Add);
        }
        Il.Emit(OpCodes.Ldind_R8);
        return Store();
    }

    /// <summary>Stores <paramref name="value"/> at <paramref name="argument"/>[<paramref name="index"/>].</summary>
    public void StoreElement(short argument, int index, Operand value)
    {
        EmitAddress(argument, index);
        value.Load(Il);
        Il.Emit(OpCodes.Stind_R8);
    }

    /// <summary>1.0 when <paramref name="compare"/> leaves a nonzero int32 on the stack, else 0.0.</summary>
    public Operand Truth(Action compare)
    {
        compare();
        Il.Emit(OpCodes.Conv_R8);
        return Store();
    }

    /// <summary>Emits "a is nonzero" as an int32 0 or 1 (NaN counts as nonzero).</summary>
    public void EmitIsNonzero(Operand a)
    {
        a.Load(Il);
        Il.Emit(OpCodes.Ldc_R8, 0.0);
        Il.Emit(OpCodes.Ceq);
        Il.Emit(OpCodes.Ldc_I4_0);
        Il.Emit(OpCodes.Ceq);
    }

    private void EmitAddress(short argument, int index)
    {
        Il.Emit(OpCodes.Ldarg, argument);
        if (index == 0) return;
        Il.Emit(OpCodes.Ldc_I4, index * sizeof(double));
        Il.Emit(OpCodes.Add);
    }
}
