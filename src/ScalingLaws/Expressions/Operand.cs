using System.Reflection.Emit;

namespace ScalingLaws.Expressions;

/// <summary>A double known at compile time, or held in an IL local once computed.</summary>
internal readonly record struct Operand(LocalBuilder? Local, double Constant)
{
    public static Operand Of(double constant) => new(null, constant);

    public bool IsConstant => Local is null;

    public bool Is(double constant) => Local is null && Constant == constant;

    public void Load(ILGenerator il)
    {
        if (Local is null) il.Emit(OpCodes.Ldc_R8, Constant);
        else il.Emit(OpCodes.Ldloc, Local);
    }
}
