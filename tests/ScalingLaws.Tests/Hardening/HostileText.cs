using System.Text;

namespace ScalingLaws.Tests.Hardening;

/// <summary>Hostile inputs built from a seed: CSV text (random bytes, or valid-looking tables with mutations) and formulas (random trees, deep and wide, with mutations).</summary>
public static class HostileText
{
    private static readonly string[] Cells = ["1", "2.5", "-3e8", "7e10", "1.4T", "70M", "", "NA", "NaN", "inf", "-Infinity", "1e400", "abc", "1,5", "1,000", "\"q\"", "\"a,b\"", "\"unterminated", " 4 ", "0x10", "١٢", "\u0000", "1e-400", "--1", "..", "+", "ü"];
    private static readonly string[] Names = ["N", "D", "loss", "x", "y", "", "N", "a b", "\"h\"", "é", "C"];
    private static readonly string[] Separators = [",", "\t", ";", ", ", "|"];
    private static readonly string[] Atoms = ["x", "N", "D", "a", "b", "c", "alpha", "1", "0", "-2.5", "1e308", "1e-320", "pi", "y", "nosuch"];
    private static readonly string[] Operators = ["+", "-", "*", "/", "^", "**", "<", ">=", "==", "&&", "||"];
    private static readonly string[] Calls = ["exp", "log", "sqrt", "pow", "sin", "cos", "tan", "atan", "abs", "min", "max", "expp", "log10"];

    /// <summary>CSV text: a third random bytes, two thirds tables with a few random mutations.</summary>
    public static string Csv(Random random)
    {
        if (random.Next(3) == 0) return RandomBytes(random, random.Next(0, 200));
        var separator = Separators[random.Next(Separators.Length)];
        int columns = random.Next(1, 5), rows = random.Next(0, 8);
        var text = new StringBuilder();
        if (random.Next(10) == 0) text.Append('\uFEFF');
        text.AppendJoin(separator, Enumerable.Range(0, columns).Select(_ => Names[random.Next(Names.Length)])).Append('\n');
        for (int r = 0; r < rows; r++)
        {
            int count = random.Next(8) == 0 ? random.Next(0, columns + 2) : columns;
            text.AppendJoin(separator, Enumerable.Range(0, count).Select(_ => Cells[random.Next(Cells.Length)]));
            text.Append(random.Next(6) == 0 ? "\r\n" : "\n");
        }
        return Mutate(random, text.ToString(), random.Next(0, 3));
    }

    /// <summary>A formula: a random tree (sometimes deep, sometimes a wide flat sum), sometimes mutated.</summary>
    public static string Formula(Random random)
    {
        var text = random.Next(8) switch
        {
            0 => string.Join(random.Next(2) == 0 ? "+" : "*", Enumerable.Range(0, random.Next(30, 600)).Select(_ => Atoms[random.Next(Atoms.Length)])),
            1 => new string('(', random.Next(200, 320)) + "x" + new string(')', random.Next(200, 320)),
            2 => string.Concat(Enumerable.Repeat("-", random.Next(100, 400))) + "x",
            _ => Tree(random, random.Next(1, 12)),
        };
        return random.Next(4) == 0 ? Mutate(random, text, random.Next(1, 4)) : text;
    }

    private static string Tree(Random random, int depth)
    {
        if (depth <= 0 || random.Next(4) == 0) return Atoms[random.Next(Atoms.Length)];
        return random.Next(5) switch
        {
            0 => $"{Calls[random.Next(Calls.Length)]}({string.Join(",", Enumerable.Range(0, random.Next(0, 3)).Select(_ => Tree(random, depth - 1)))})",
            1 => $"-({Tree(random, depth - 1)})",
            2 => $"({Tree(random, depth - 1)})",
            _ => $"{Tree(random, depth - 1)}{Operators[random.Next(Operators.Length)]}{Tree(random, depth - 1)}",
        };
    }

    /// <summary><paramref name="count"/> random insertions, deletions or replacements of single characters.</summary>
    public static string Mutate(Random random, string text, int count)
    {
        var builder = new StringBuilder(text);
        for (int k = 0; k < count; k++)
        {
            int at = random.Next(builder.Length + 1);
            char c = (char)(random.Next(3) == 0 ? random.Next(0, 0x3000) : "\"\n,;\t()^*-+.e0".ElementAt(random.Next(14)));
            switch (random.Next(3))
            {
                case 0: builder.Insert(at, c); break;
                case 1 when at < builder.Length: builder.Remove(at, 1); break;
                default: if (at < builder.Length) builder[at] = c; else builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    private static string RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
