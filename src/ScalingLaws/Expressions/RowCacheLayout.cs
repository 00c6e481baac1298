namespace ScalingLaws.Expressions;

/// <summary>
/// Which values of a (constant-folded) formula depend on the data only, and so can be computed once
/// per data row instead of once per evaluation: every maximal subtree that reads a variable but no
/// parameter (a slot of the row cache), plus log(u) for each power u^v whose base u is such a subtree
/// and whose exponent v reads a parameter (∂/∂v of u^v needs it). Also records, for each node,
/// whether it reads any variable, so that variable-free subtrees can be hoisted out of a loop over rows.
/// </summary>
internal sealed class RowCacheLayout
{
    private readonly Dictionary<Node, (bool Variable, bool Parameter)> _reads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _slotOf = new(StringComparer.Ordinal);
    private readonly List<Node> _slots = [];
    private readonly CommonSubexpressionKeys _keys = new();

    private RowCacheLayout(Node root, IReadOnlyDictionary<string, Symbol> symbols)
    {
        Root = root;
        Symbols = symbols;
    }

    /// <summary>Folds the constants of <paramref name="root"/> and analyses the result.</summary>
    /// <param name="root">The formula tree.</param>
    /// <param name="symbols">Binding of each name to a parameter or variable index.</param>
    public static RowCacheLayout Analyze(Node root, IReadOnlyDictionary<string, Symbol> symbols)
    {
        var layout = new RowCacheLayout(ConstantFolder.Fold(root), symbols);
        layout.Reads(layout.Root);
        layout.Collect(layout.Root);
        return layout;
    }

    /// <summary>The constant-folded tree the layout describes.</summary>
    public Node Root { get; }

    /// <summary>Binding of each name to a parameter or variable index.</summary>
    public IReadOnlyDictionary<string, Symbol> Symbols { get; }

    /// <summary>The subtrees whose values fill a row of the cache, in slot order.</summary>
    public IReadOnlyList<Node> Slots => _slots;

    /// <summary>Number of doubles per row.</summary>
    public int Width => _slots.Count;

    /// <summary>The slot holding the subtree with key <paramref name="key"/>, if any.</summary>
    public bool TryGetSlot(string key, out int slot) => _slotOf.TryGetValue(key, out slot);

    /// <summary>Whether <paramref name="node"/> (a node of the analysed tree) reads a variable.</summary>
    public bool ReadsVariable(Node node) => _reads[node].Variable;

    /// <summary>The key of log(<paramref name="node"/>).</summary>
    public static string LogKey(CommonSubexpressionKeys keys, Node node) =>
        keys.KeyOf(new CallNode(Function.Log, [node]));

    private (bool Variable, bool Parameter) Reads(Node node)
    {
        if (_reads.TryGetValue(node, out var reads)) return reads;
        reads = node switch
        {
            NumberNode => (false, false),
            NameNode name => Symbols[name.Name].IsParameter ? (false, true) : (true, false),
            NegateNode negate => Reads(negate.Operand),
            BinaryNode binary => Or(Reads(binary.Left), Reads(binary.Right)),
            CallNode call => call.Arguments.Select(Reads).Aggregate(Or),
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };
        _reads[node] = reads;
        return reads;

        static (bool, bool) Or((bool V, bool P) a, (bool V, bool P) b) => (a.V || b.V, a.P || b.P);
    }

    private void Collect(Node node)
    {
        var (variable, parameter) = _reads[node];
        if (!variable) return;
        if (!parameter)
        {
            Add(_keys.KeyOf(node), node);
            return;
        }
        switch (node)
        {
            case NegateNode negate:
                Collect(negate.Operand);
                break;
            case BinaryNode binary:
                Collect(binary.Left);
                Collect(binary.Right);
                if (binary.Operator == BinaryOperator.Power) AddLogOfBase(binary.Left, binary.Right);
                break;
            case CallNode call:
                foreach (Node argument in call.Arguments) Collect(argument);
                if (call.Function == Function.Pow) AddLogOfBase(call.Arguments[0], call.Arguments[1]);
                break;
        }
    }

    private void AddLogOfBase(Node baseNode, Node exponent)
    {
        var (variable, parameter) = _reads[baseNode];
        if (variable && !parameter && _reads[exponent].Parameter)
            Add(LogKey(_keys, baseNode), new CallNode(Function.Log, [baseNode]));
    }

    private void Add(string key, Node node)
    {
        if (_slotOf.ContainsKey(key)) return;
        _slotOf[key] = _slots.Count;
        _slots.Add(node);
    }
}
