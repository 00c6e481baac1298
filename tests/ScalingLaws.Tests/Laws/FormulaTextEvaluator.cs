using System.Globalization;

namespace ScalingLaws.Tests.Laws;

/// <summary>
/// A minimal evaluator of the formula language (+ - * / ^, unary minus, parentheses, exp log sqrt min max),
/// used to check that each law's <c>Formula</c> text says the same thing as its code.
/// Precedence: ^ (right-associative) binds tighter than unary minus, which binds tighter than * and /.
/// </summary>
public sealed class FormulaTextEvaluator
{
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, double> _values;
    private int _position;

    private FormulaTextEvaluator(string text, IReadOnlyDictionary<string, double> values)
    {
        _text = text;
        _values = values;
    }

    public static double Evaluate(string text, IReadOnlyDictionary<string, double> values)
    {
        var evaluator = new FormulaTextEvaluator(text, values);
        double result = evaluator.Sum();
        evaluator.SkipSpace();
        if (evaluator._position != text.Length)
            throw new FormatException($"Unexpected '{text[evaluator._position..]}' at {evaluator._position} in '{text}'.");
        return result;
    }

    /// <summary>Identifiers that are not function names, in order of first appearance.</summary>
    public static IReadOnlyList<string> Identifiers(string text)
    {
        var names = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            if (char.IsLetter(text[i]) || text[i] == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                string name = text[start..i];
                int next = i;
                while (next < text.Length && text[next] == ' ') next++;
                bool isCall = next < text.Length && text[next] == '(';
                if (!isCall && !names.Contains(name)) names.Add(name);
            }
            else if (char.IsDigit(text[i]) || text[i] == '.')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.')) i++;
            }
            else i++;
        }
        return names;
    }

    private double Sum()
    {
        double value = Product();
        while (true)
        {
            SkipSpace();
            if (Accept('+')) value += Product();
            else if (Accept('-')) value -= Product();
            else return value;
        }
    }

    private double Product()
    {
        double value = Unary();
        while (true)
        {
            SkipSpace();
            if (Accept('*')) value *= Unary();
            else if (Accept('/')) value /= Unary();
            else return value;
        }
    }

    private double Unary()
    {
        SkipSpace();
        if (Accept('-')) return -Unary();
        return Power();
    }

    private double Power()
    {
        double value = Primary();
        SkipSpace();
        if (Accept('^')) return Math.Pow(value, Unary());
        return value;
    }

    private double Primary()
    {
        SkipSpace();
        if (Accept('('))
        {
            double value = Sum();
            Expect(')');
            return value;
        }
        int start = _position;
        if (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] == '.'))
        {
            while (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] is '.' or 'e' or 'E'
                   || (_text[_position] is '+' or '-' && _text[_position - 1] is 'e' or 'E')))
                _position++;
            return double.Parse(_text[start.._position], CultureInfo.InvariantCulture);
        }
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_')) _position++;
        string name = _text[start.._position];
        if (name.Length == 0) throw new FormatException($"Expected a value at {_position} in '{_text}'.");
        SkipSpace();
        if (Accept('('))
        {
            var arguments = new List<double> { Sum() };
            while (Accept(',')) arguments.Add(Sum());
            Expect(')');
            return name switch
            {
                "exp" => Math.Exp(arguments.Single()),
                "log" => Math.Log(arguments.Single()),
                "sqrt" => Math.Sqrt(arguments.Single()),
                "min" => Math.Min(arguments[0], arguments[1]),
                "max" => Math.Max(arguments[0], arguments[1]),
                _ => throw new FormatException($"Unknown function '{name}'."),
            };
        }
        return _values.TryGetValue(name, out double v) ? v : throw new KeyNotFoundException($"No value for '{name}' in '{_text}'.");
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && _text[_position] == ' ') _position++;
    }

    private bool Accept(char c)
    {
        SkipSpace();
        if (_position < _text.Length && _text[_position] == c) { _position++; return true; }
        return false;
    }

    private void Expect(char c)
    {
        if (!Accept(c)) throw new FormatException($"Expected '{c}' at {_position} in '{_text}'.");
    }
}
