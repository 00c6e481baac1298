using System.Reflection.Emit;

namespace ScalingLaws.Expressions;

/// <summary>
/// Compiles a formula tree into straight-line IL computing each distinct subtree once, with
/// forward-mode derivatives kept only for the parameters a subtree depends on. Subtrees without
/// names are folded to constants first. Three shapes: a <see cref="FormulaKernel"/> over one row of
/// variables; a <see cref="RowCacheKernel"/> filling one row of a row cache; and a
/// <see cref="RowsKernel"/> looping over rows of that cache, with the subtrees that read no
/// variable computed once before the loop and the cached subtrees loaded instead of recomputed.
/// The same subtree gives the same bits in every shape.
/// </summary>
internal sealed class KernelCompiler
{
    private const short ParametersArgument = 0;
    private const short VariablesArgument = 1;
    private const short GradientArgument = 2;

    private const short CacheVariablesArgument = 0;
    private const short CacheOutputArgument = 1;

    private const short RowsCacheArgument = 1;
    private const short RowsCountArgument = 2;
    private const short RowsValuesArgument = 3;
    private const short RowsGradientArgument = 4;

    private static readonly Type[] KernelArguments = [typeof(double*), typeof(double*), typeof(double*)];
    private static readonly Type[] CacheKernelArguments = [typeof(double*), typeof(double*)];
    private static readonly Type[] RowsKernelArguments = [typeof(double*), typeof(double*), typeof(int), typeof(double*), typeof(double*)];

    private readonly IlEmitter _emit;
    private readonly IReadOnlyDictionary<string, Symbol> _symbols;
    private readonly bool _withGradient;
    private readonly CommonSubexpressionKeys _keys = new();
    private readonly Dictionary<string, NodeCode> _emitted = new(StringComparer.Ordinal);
    private readonly RowCacheLayout? _layout;
    private readonly LocalBuilder? _row;
    private readonly short _variables;

    private KernelCompiler(ILGenerator il, IReadOnlyDictionary<string, Symbol> symbols, bool withGradient,
        RowCacheLayout? layout = null, LocalBuilder? row = null, short variablesArgument = VariablesArgument)
    {
        _variables = variablesArgument;
        _emit = new IlEmitter(il);
        _symbols = symbols;
        _withGradient = withGradient;
        _layout = layout;
        _row = row;
    }

    /// <summary>Compiles <paramref name="root"/>; every name in it must be in <paramref name="symbols"/>.</summary>
    /// <param name="root">The formula tree.</param>
    /// <param name="symbols">Binding of each name to a parameter or variable index.</param>
    /// <param name="parameterCount">Number of gradient entries written.</param>
    /// <param name="withGradient">Whether the kernel writes the gradient (it must then be given one).</param>
    public static FormulaKernel Compile(Node root, IReadOnlyDictionary<string, Symbol> symbols, int parameterCount, bool withGradient)
    {
        var method = new DynamicMethod(withGradient ? "FormulaWithGradient" : "Formula", typeof(double), KernelArguments,
            typeof(KernelCompiler).Module, skipVisibility: true);
        ILGenerator il = method.GetILGenerator();
        var compiler = new KernelCompiler(il, symbols, withGradient);
        NodeCode code = compiler.Emit(ConstantFolder.Fold(root));
        if (withGradient)
        {
            for (int p = 0; p < parameterCount; p++) compiler._emit.StoreElement(GradientArgument, p, code.Partial(p));
        }
        code.Value.Load(il);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<FormulaKernel>();
    }

    /// <summary>Compiles the kernel that fills one row of the cache described by <paramref name="layout"/>.</summary>
    /// <param name="layout">The cache layout.</param>
    public static RowCacheKernel CompileCacheFill(RowCacheLayout layout)
    {
        var method = new DynamicMethod("FormulaRowCache", typeof(void), CacheKernelArguments,
            typeof(KernelCompiler).Module, skipVisibility: true);
        ILGenerator il = method.GetILGenerator();
        var compiler = new KernelCompiler(il, layout.Symbols, withGradient: false, variablesArgument: CacheVariablesArgument);
        for (int slot = 0; slot < layout.Width; slot++)
            compiler._emit.StoreElement(CacheOutputArgument, slot, compiler.Emit(layout.Slots[slot]).Value);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<RowCacheKernel>();
    }

    /// <summary>Compiles the kernel evaluating the formula of <paramref name="layout"/> over rows of its cache.</summary>
    /// <param name="layout">The cache layout (and the folded formula).</param>
    /// <param name="parameterCount">Number of gradient columns written.</param>
    /// <param name="withGradient">Whether the kernel writes the gradient (it must then be given one).</param>
    public static RowsKernel CompileRows(RowCacheLayout layout, int parameterCount, bool withGradient)
    {
        var method = new DynamicMethod(withGradient ? "FormulaRowsWithGradient" : "FormulaRows", typeof(void), RowsKernelArguments,
            typeof(KernelCompiler).Module, skipVisibility: true);
        ILGenerator il = method.GetILGenerator();
        LocalBuilder row = il.DeclareLocal(typeof(double*));
        LocalBuilder offset = il.DeclareLocal(typeof(nint));
        LocalBuilder end = il.DeclareLocal(typeof(nint));
        var compiler = new KernelCompiler(il, layout.Symbols, withGradient, layout, row);

        // Before the loop: everything that reads no variable (parameters and their functions).
        compiler.Hoist(layout.Root);
        var columns = new LocalBuilder[withGradient ? parameterCount : 0];
        for (int p = 0; p < columns.Length; p++)
        {
            columns[p] = il.DeclareLocal(typeof(double*));
            il.Emit(OpCodes.Ldarg, RowsGradientArgument);
            if (p > 0)
            {
                il.Emit(OpCodes.Ldarg, RowsCountArgument);
                il.Emit(OpCodes.Conv_I);
                il.Emit(OpCodes.Ldc_I4, p * sizeof(double));
                il.Emit(OpCodes.Conv_I);
                il.Emit(OpCodes.Mul);
                il.Emit(OpCodes.Add);
            }
            il.Emit(OpCodes.Stloc, columns[p]);
        }
        il.Emit(OpCodes.Ldarg, RowsCacheArgument);
        il.Emit(OpCodes.Stloc, row);
        il.Emit(OpCodes.Ldc_I4_0);
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Stloc, offset);
        il.Emit(OpCodes.Ldarg, RowsCountArgument);
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Ldc_I4, sizeof(double));
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Mul);
        il.Emit(OpCodes.Stloc, end);
        Label body = il.DefineLabel(), test = il.DefineLabel();
        il.Emit(OpCodes.Br, test);

        // One row: values[i] and gradient[p·rows + i], i = offset / 8.
        il.MarkLabel(body);
        NodeCode code = compiler.Emit(layout.Root);
        StoreAtOffset(il, RowsValuesArgument, null, offset, code.Value);
        for (int p = 0; p < columns.Length; p++) StoreAtOffset(il, 0, columns[p], offset, code.Partial(p));
        il.Emit(OpCodes.Ldloc, offset);
        il.Emit(OpCodes.Ldc_I4, sizeof(double));
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stloc, offset);
        il.Emit(OpCodes.Ldloc, row);
        il.Emit(OpCodes.Ldc_I4, layout.Width * sizeof(double));
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stloc, row);
        il.MarkLabel(test);
        il.Emit(OpCodes.Ldloc, offset);
        il.Emit(OpCodes.Ldloc, end);
        il.Emit(OpCodes.Blt, body);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<RowsKernel>();

        static void StoreAtOffset(ILGenerator il, short argument, LocalBuilder? pointer, LocalBuilder offset, Operand value)
        {
            if (pointer is null) il.Emit(OpCodes.Ldarg, argument);
            else il.Emit(OpCodes.Ldloc, pointer);
            il.Emit(OpCodes.Ldloc, offset);
            il.Emit(OpCodes.Add);
            value.Load(il);
            il.Emit(OpCodes.Stind_R8);
        }
    }

    /// <summary>Emits every maximal subtree of <paramref name="node"/> that reads no variable.</summary>
    private void Hoist(Node node)
    {
        if (!_layout!.ReadsVariable(node))
        {
            Emit(node);
            return;
        }
        switch (node)
        {
            case NegateNode negate: Hoist(negate.Operand); break;
            case BinaryNode binary: Hoist(binary.Left); Hoist(binary.Right); break;
            case CallNode call: foreach (Node argument in call.Arguments) Hoist(argument); break;
        }
    }

    private NodeCode Emit(Node node)
    {
        string key = _keys.KeyOf(node);
        if (_emitted.TryGetValue(key, out NodeCode? code)) return code;
        if (_layout is not null && _layout.TryGetSlot(key, out int slot))
        {
            code = new NodeCode(_emit.LoadElement(_row!, slot), []);
            _emitted[key] = code;
            return code;
        }
        code = node switch
        {
            NumberNode number => NodeCode.Constant(number.Value),
            NameNode name => EmitName(name),
            NegateNode negate => EmitNegate(Emit(negate.Operand)),
            BinaryNode binary => binary.Operator == BinaryOperator.Power
                ? EmitPower(binary.Left, Emit(binary.Left), Emit(binary.Right))
                : EmitBinary(binary.Operator, Emit(binary.Left), Emit(binary.Right)),
            CallNode call => EmitCall(call),
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };
        _emitted[key] = code;
        return code;
    }

    private NodeCode EmitName(NameNode name)
    {
        Symbol symbol = _symbols[name.Name];
        if (!symbol.IsParameter) return new NodeCode(_emit.LoadElement(_variables, symbol.Index), []);
        Operand value = _emit.LoadElement(ParametersArgument, symbol.Index);
        var partials = new SortedDictionary<int, Operand>();
        if (_withGradient) partials[symbol.Index] = Operand.Of(1);
        return new NodeCode(value, partials);
    }

    private NodeCode EmitNegate(NodeCode u) =>
        new(_emit.RawNegate(u.Value), Map(u, _emit.Negate));

    private NodeCode EmitBinary(BinaryOperator op, NodeCode a, NodeCode b)
    {
        switch (op)
        {
            case BinaryOperator.Add:
                return new(_emit.Raw(OpCodes.Add, a.Value, b.Value), Combine(a, b, _emit.Add));
            case BinaryOperator.Subtract:
                return new(_emit.Raw(OpCodes.Sub, a.Value, b.Value), Combine(a, b, _emit.Subtract));
            case BinaryOperator.Multiply:
                return new(_emit.Raw(OpCodes.Mul, a.Value, b.Value),
                    Combine(a, b, (da, db) => _emit.Add(_emit.Multiply(da, b.Value), _emit.Multiply(a.Value, db))));
            case BinaryOperator.Divide:
                return EmitDivide(a, b);
            default:
                return new(EmitLogical(op, a.Value, b.Value), []);
        }
    }

    private NodeCode EmitDivide(NodeCode a, NodeCode b)
    {
        Operand value = _emit.Raw(OpCodes.Div, a.Value, b.Value);
        if (a.Partials.Count == 0 && b.Partials.Count == 0) return new(value, []);
        Operand reciprocal = _emit.Divide(Operand.Of(1), b.Value);
        Operand quotientSlope = b.Partials.Count == 0 ? Operand.Of(0) : _emit.Negate(_emit.Multiply(value, reciprocal));
        return new(value, Combine(a, b, (da, db) => _emit.Add(_emit.Multiply(da, reciprocal), _emit.Multiply(quotientSlope, db))));
    }

    private NodeCode EmitPower(Node baseNode, NodeCode a, NodeCode b)
    {
        if (b.Value.IsConstant) return EmitConstantPower(a, b.Value.Constant);
        Operand value = _emit.Call(Methods.Pow, a.Value, b.Value);
        if (a.Partials.Count == 0 && b.Partials.Count == 0) return new(value, []);
        Operand baseSlope = a.Partials.Count == 0
            ? Operand.Of(0)
            : _emit.Multiply(b.Value, _emit.Call(Methods.Pow, a.Value, _emit.Subtract(b.Value, Operand.Of(1))));
        Operand exponentSlope = b.Partials.Count == 0
            ? Operand.Of(0)
            : _emit.Multiply(value, a.Value.IsConstant ? Operand.Of(Math.Log(a.Value.Constant)) : LogOf(baseNode, a));
        return new(value, Combine(a, b, (da, db) => _emit.Add(_emit.Multiply(baseSlope, da), _emit.Multiply(exponentSlope, db))));
    }

    /// <summary>
    /// u^c for a constant c: small integer powers by multiplication (same IEEE special cases as
    /// <see cref="Math.Pow"/>, within two roundings), others by <see cref="Math.Pow"/>; slope c·u^(c−1).
    /// </summary>
    private NodeCode EmitConstantPower(NodeCode u, double c)
    {
        Operand x = u.Value;
        switch (c)
        {
            case 2:
                return new(_emit.Raw(OpCodes.Mul, x, x), Scale(u, () => _emit.Multiply(Operand.Of(2), x)));
            case 3:
                Operand square3 = _emit.Raw(OpCodes.Mul, x, x);
                return new(_emit.Raw(OpCodes.Mul, square3, x), Scale(u, () => _emit.Multiply(Operand.Of(3), square3)));
            case 4:
                Operand square4 = _emit.Raw(OpCodes.Mul, x, x);
                return new(_emit.Raw(OpCodes.Mul, square4, square4),
                    Scale(u, () => _emit.Multiply(Operand.Of(4), _emit.Multiply(square4, x))));
            case -1:
                Operand reciprocal = _emit.Raw(OpCodes.Div, Operand.Of(1), x);
                return new(reciprocal, Scale(u, () => _emit.Negate(_emit.Multiply(reciprocal, reciprocal))));
            case -2:
                Operand inverse = _emit.Raw(OpCodes.Div, Operand.Of(1), x);
                Operand inverseSquare = _emit.Raw(OpCodes.Mul, inverse, inverse);
                return new(inverseSquare, Scale(u, () => _emit.Multiply(Operand.Of(-2), _emit.Multiply(inverseSquare, inverse))));
            default:
                Operand power = _emit.Call(Methods.Pow, x, Operand.Of(c));
                return new(power, Scale(u, () => _emit.Multiply(Operand.Of(c), _emit.Call(Methods.Pow, x, Operand.Of(c - 1)))));
        }
    }

    /// <summary>
    /// log(u) for the slope of u^v in v: the value of the subtree log(u) when it is already emitted
    /// or cached, else a new call (kept for reuse when u has no partials, as log(u) then has none).
    /// </summary>
    private Operand LogOf(Node baseNode, NodeCode u)
    {
        string key = RowCacheLayout.LogKey(_keys, baseNode);
        if (_emitted.TryGetValue(key, out NodeCode? code)) return code.Value;
        if (_layout is not null && _layout.TryGetSlot(key, out int slot))
        {
            code = new NodeCode(_emit.LoadElement(_row!, slot), []);
            _emitted[key] = code;
            return code.Value;
        }
        Operand log = _emit.Call(Methods.Log, u.Value);
        if (u.Partials.Count == 0) _emitted[key] = new NodeCode(log, []);
        return log;
    }

    private Operand EmitLogical(BinaryOperator op, Operand a, Operand b)
    {
        ILGenerator il = _emit.Il;
        return _emit.Truth(() =>
        {
            if (op is BinaryOperator.And or BinaryOperator.Or)
            {
                _emit.EmitIsNonzero(a);
                _emit.EmitIsNonzero(b);
                il.Emit(op == BinaryOperator.And ? OpCodes.And : OpCodes.Or);
                return;
            }
            a.Load(il);
            b.Load(il);
            switch (op)
            {
                case BinaryOperator.Less: il.Emit(OpCodes.Clt); break;
                case BinaryOperator.Greater: il.Emit(OpCodes.Cgt); break;
                case BinaryOperator.Equal: il.Emit(OpCodes.Ceq); break;
                case BinaryOperator.LessOrEqual: EmitNot(OpCodes.Cgt_Un); break;
                case BinaryOperator.GreaterOrEqual: EmitNot(OpCodes.Clt_Un); break;
                case BinaryOperator.NotEqual: EmitNot(OpCodes.Ceq); break;
                default: throw new ArgumentOutOfRangeException(nameof(op));
            }
        });

        void EmitNot(OpCode compare)
        {
            il.Emit(compare);
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Ceq);
        }
    }

    private NodeCode EmitCall(CallNode call)
    {
        NodeCode u = Emit(call.Arguments[0]);
        if (call.Arguments.Length == 2)
        {
            NodeCode v = Emit(call.Arguments[1]);
            return call.Function == Function.Pow ? EmitPower(call.Arguments[0], u, v) : EmitMinMax(call.Function == Function.Min, u, v);
        }
        Operand x = u.Value;
        switch (call.Function)
        {
            case Function.Exp:
                Operand exp = _emit.Call(Methods.Exp, x);
                return new(exp, Scale(u, () => exp));
            case Function.Log:
                return new(_emit.Call(Methods.Log, x), Scale(u, () => _emit.Divide(Operand.Of(1), x)));
            case Function.Sqrt:
                Operand root = _emit.Call(Methods.Sqrt, x);
                return new(root, Scale(u, () => _emit.Divide(Operand.Of(0.5), root)));
            case Function.Sin:
                return new(_emit.Call(Methods.Sin, x), Scale(u, () => _emit.Call(Methods.Cos, x)));
            case Function.Cos:
                return new(_emit.Call(Methods.Cos, x), Scale(u, () => _emit.Negate(_emit.Call(Methods.Sin, x))));
            case Function.Tan:
                Operand tan = _emit.Call(Methods.Tan, x);
                return new(tan, Scale(u, () => _emit.Add(Operand.Of(1), _emit.Raw(OpCodes.Mul, tan, tan))));
            case Function.Atan:
                return new(_emit.Call(Methods.Atan, x),
                    Scale(u, () => _emit.Divide(Operand.Of(1), _emit.Add(Operand.Of(1), _emit.Raw(OpCodes.Mul, x, x)))));
            case Function.Abs:
                return new(_emit.Call(Methods.Abs, x), Scale(u, () => EmitSign(x)));
            default:
                throw new ArgumentOutOfRangeException(nameof(call));
        }
    }

    private Operand EmitSign(Operand x)
    {
        ILGenerator il = _emit.Il;
        return _emit.Truth(() =>
        {
            x.Load(il);
            il.Emit(OpCodes.Ldc_R8, 0.0);
            il.Emit(OpCodes.Cgt);
            x.Load(il);
            il.Emit(OpCodes.Ldc_R8, 0.0);
            il.Emit(OpCodes.Clt);
            il.Emit(OpCodes.Sub);
        });
    }

    private NodeCode EmitMinMax(bool isMin, NodeCode a, NodeCode b)
    {
        Operand value = _emit.Call(isMin ? Methods.Min : Methods.Max, a.Value, b.Value);
        var parameters = a.Partials.Keys.Union(b.Partials.Keys).ToArray();
        if (parameters.Length == 0) return new(value, []);
        ILGenerator il = _emit.Il;
        var locals = parameters.ToDictionary(p => p, _ => il.DeclareLocal(typeof(double)));
        Label chooseRight = il.DefineLabel(), end = il.DefineLabel();
        a.Value.Load(il);
        b.Value.Load(il);
        il.Emit(isMin ? OpCodes.Bgt_Un : OpCodes.Blt_Un, chooseRight);
        foreach (int p in parameters) StoreTo(locals[p], a.Partial(p));
        il.Emit(OpCodes.Br, end);
        il.MarkLabel(chooseRight);
        foreach (int p in parameters) StoreTo(locals[p], b.Partial(p));
        il.MarkLabel(end);
        var partials = new SortedDictionary<int, Operand>();
        foreach (int p in parameters) partials[p] = new Operand(locals[p], 0);
        return new(value, partials);

        void StoreTo(LocalBuilder local, Operand operand)
        {
            operand.Load(il);
            il.Emit(OpCodes.Stloc, local);
        }
    }

    /// <summary>Partials of f(u) = slope·u′, the slope emitted only when u has partials.</summary>
    private SortedDictionary<int, Operand> Scale(NodeCode u, Func<Operand> slope)
    {
        if (u.Partials.Count == 0) return [];
        Operand s = slope();
        return Map(u, du => _emit.Multiply(s, du));
    }

    private static SortedDictionary<int, Operand> Map(NodeCode u, Func<Operand, Operand> rule)
    {
        var result = new SortedDictionary<int, Operand>();
        foreach (var (p, du) in u.Partials) Keep(result, p, rule(du));
        return result;
    }

    private static SortedDictionary<int, Operand> Combine(NodeCode a, NodeCode b, Func<Operand, Operand, Operand> rule)
    {
        var result = new SortedDictionary<int, Operand>();
        foreach (int p in a.Partials.Keys.Union(b.Partials.Keys).Order()) Keep(result, p, rule(a.Partial(p), b.Partial(p)));
        return result;
    }

    private static void Keep(SortedDictionary<int, Operand> partials, int parameter, Operand partial)
    {
        if (!partial.Is(0)) partials[parameter] = partial;
    }
}
