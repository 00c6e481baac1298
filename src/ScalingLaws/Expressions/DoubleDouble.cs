using System.Globalization;

namespace ScalingLaws.Expressions;

/// <summary>
/// A double-double number: the unevaluated sum <see cref="Hi"/> + <see cref="Lo"/> of two doubles with
/// |Lo| ≤ ½ulp(Hi), about 106 bits (32 significant digits) of precision with the exponent range of a
/// double. Arithmetic follows Hida, Li and Bailey's QD library: error-free TwoSum and TwoProd (by
/// fused multiply–add), the accurate addition (relative error ≤ 3u²), multiplication and division
/// with relative error of a few u², u = 2⁻⁵³. <see cref="Exp"/>, <see cref="Log"/>, <see cref="Sqrt"/>,
/// <see cref="Pow(DoubleDouble, DoubleDouble)"/>, <see cref="Sin"/>, <see cref="Cos"/>, <see cref="Tan"/> and <see cref="Atan"/>
/// are accurate to about 30 digits; the argument reduction of the trigonometric functions uses
/// π/2 to 159 bits, so their absolute error grows like |x|·10⁻⁴⁸ and stays below 10⁻³⁰ for
/// |x| ≤ 10¹⁵. Non-finite values and zeros in places where an error-free transformation would
/// produce NaN fall back to the double result. Used to evaluate formulas when a fit's residuals are
/// far smaller than the data (near-exact fits), where double rounding dominates them.
/// </summary>
internal readonly struct DoubleDouble : IEquatable<DoubleDouble>, IComparable<DoubleDouble>
{
    private const double Epsilon = 4.93038065763132e-32; // 2⁻¹⁰⁴

    private static readonly DoubleDouble[] InverseFactorials = BuildInverseFactorials(30);

    // e^(j/64) for |j| ≤ 22 (|x − k·ln 2| ≤ ½ln 2 < 22.5/64).
    private const int ExpTableHalfWidth = 22;
    private static readonly DoubleDouble[] ExpTable = BuildExpTable();

    // ln 2 and π/2 as sums of three doubles (159 bits), for argument reduction.
    private const double Ln2A = 0.6931471805599453, Ln2B = 2.3190468138462996e-17, Ln2C = 5.707708438416212e-34;
    private const double HalfPiA = 1.5707963267948966, HalfPiB = 6.123233995736766e-17, HalfPiC = -1.4973849048591698e-33;

    /// <summary>Creates the exact value <paramref name="value"/>.</summary>
    public DoubleDouble(double value)
    {
        Hi = value;
        Lo = 0;
    }

    private DoubleDouble(double hi, double lo)
    {
        Hi = hi;
        Lo = lo;
    }

    /// <summary>The leading double: the value rounded to double precision.</summary>
    public double Hi { get; }

    /// <summary>The trailing double: the rounding error of <see cref="Hi"/>.</summary>
    public double Lo { get; }

    /// <summary>Zero.</summary>
    public static DoubleDouble Zero => default;

    /// <summary>One.</summary>
    public static DoubleDouble One => new(1.0);

    /// <summary>ln 2 to 106 bits.</summary>
    public static DoubleDouble Ln2 => new(Ln2A, Ln2B);

    /// <summary>π to 106 bits.</summary>
    public static DoubleDouble Pi => new(3.141592653589793, 1.2246467991473532e-16);

    /// <summary>True when both parts are finite.</summary>
    public bool IsFinite => double.IsFinite(Hi) && double.IsFinite(Lo);

    /// <summary>The value rounded to the nearest double.</summary>
    public static explicit operator double(DoubleDouble a) => a.Hi + a.Lo;

    /// <summary>The exact value of <paramref name="a"/>.</summary>
    public static implicit operator DoubleDouble(double a) => new(a);

    /// <summary>
    /// The decimal number a double was most likely written as: when a decimal of at most 15
    /// significant digits rounds to <paramref name="value"/> (it is then the only one, and the
    /// shortest round-trip form of the double), that decimal to 32 digits, e.g. 0.1 rather than
    /// 0.1000000000000000055511151231257827; otherwise (a computed value, or |value| outside
    /// [10⁻²⁸⁰, 10²⁸⁰]) the double itself.
    /// </summary>
    public static DoubleDouble FromDecimal(double value)
    {
        double a = Math.Abs(value);
        if (!double.IsFinite(value) || (a == Math.Floor(a) && a < 9007199254740992.0) || a < 1e-280 || a > 1e280)
            return new DoubleDouble(value);
        // The 15-digit decimal nearest a: m·10^(−shift) with 10¹⁴ ≤ m < 10¹⁵.
        int shift = 14 - (int)Math.Floor(Math.Log10(a));
        double m = 0;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            var scaled = shift >= 0 ? a * PowerOfTen(shift) : a / PowerOfTen(-shift);
            double floor = Math.Floor(scaled.Hi);
            double fraction = (scaled - floor).Hi;
            m = floor + (fraction >= 0.5 ? 1 : fraction < -0.5 ? -1 : 0);
            if (m >= 1e15) shift--;
            else if (m < 1e14) shift++;
            else break;
        }
        var candidate = shift >= 0 ? new DoubleDouble(m) / PowerOfTen(shift) : m * PowerOfTen(-shift);
        if ((double)candidate != a) return new DoubleDouble(value);
        return value < 0 ? -candidate : candidate;
    }

    /// <summary>
    /// Parses a decimal number (<c>[+-]digits[.digits][e[+-]digits]</c>, invariant culture) to 32
    /// significant digits; extra digits are ignored.
    /// </summary>
    /// <exception cref="FormatException">The text is not such a number.</exception>
    public static DoubleDouble Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static DoubleDouble Parse(ReadOnlySpan<char> text)
    {
        var s = text.Trim();
        int i = 0;
        bool negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) { negative = s[i] == '-'; i++; }
        var value = Zero;
        long chunk = 0;
        int chunkDigits = 0, significant = 0, exponent = 0, seen = 0;
        bool point = false;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '.' && !point) { point = true; continue; }
            if (c is < '0' or > '9') break;
            seen++;
            if (significant == 0 && c == '0') { if (point) exponent--; continue; }
            if (significant >= 34) { if (!point) exponent++; continue; }
            significant++;
            if (point) exponent--;
            chunk = chunk * 10 + (c - '0');
            if (++chunkDigits == 15)
            {
                value = value * 1e15 + chunk;
                chunk = 0;
                chunkDigits = 0;
            }
        }
        if (seen == 0) throw new FormatException($"'{text.ToString()}' is not a decimal number.");
        if (chunkDigits > 0) value = value * Math.Pow(10, chunkDigits) + chunk;
        if (i < s.Length)
        {
            if (s[i] is not ('e' or 'E') || !int.TryParse(s[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int e))
                throw new FormatException($"'{text.ToString()}' is not a decimal number.");
            exponent += e;
        }
        if (exponent > 0) value *= PowerOfTen(exponent);
        else if (exponent < 0)
        {
            // Two steps keep 10^k finite for results near the bottom of the double range.
            int first = Math.Max(exponent, -300);
            value /= PowerOfTen(-first);
            if (first != exponent) value /= PowerOfTen(first - exponent);
        }
        return negative ? -value : value;
    }

    /// <summary>10^<paramref name="k"/> for k ≥ 0, exact while 10^k is a double (k ≤ 22).</summary>
    private static DoubleDouble PowerOfTen(int k) => k <= 22 ? new DoubleDouble(Math.Pow(10, k)) : Pow(new DoubleDouble(10), k);

    /// <summary>a + b exactly, as (sum, error).</summary>
    private static DoubleDouble TwoSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
    }

    /// <summary>a + b exactly, as (sum, error), for |a| ≥ |b|.</summary>
    private static DoubleDouble QuickTwoSum(double a, double b)
    {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    /// <summary>a·b exactly, as (product, error).</summary>
    private static DoubleDouble TwoProd(double a, double b)
    {
        double p = a * b;
        return new DoubleDouble(p, Math.FusedMultiplyAdd(a, b, -p));
    }

    /// <summary>The sum.</summary>
    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var s = TwoSum(a.Hi, b.Hi);
        if (!double.IsFinite(s.Hi)) return new DoubleDouble(s.Hi);
        var t = TwoSum(a.Lo, b.Lo);
        s = QuickTwoSum(s.Hi, s.Lo + t.Hi);
        return QuickTwoSum(s.Hi, s.Lo + t.Lo);
    }

    /// <summary>The difference.</summary>
    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    /// <summary>The negation.</summary>
    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    /// <summary>The product.</summary>
    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var p = TwoProd(a.Hi, b.Hi);
        if (!double.IsFinite(p.Hi)) return new DoubleDouble(p.Hi);
        return QuickTwoSum(p.Hi, p.Lo + (a.Hi * b.Lo + a.Lo * b.Hi));
    }

    /// <summary>The quotient.</summary>
    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        if (!double.IsFinite(q1) || b.Hi == 0 || !double.IsFinite(b.Hi)) return new DoubleDouble(q1);
        var r = a - b * q1;
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        return QuickTwoSum(q1, q2) + q3;
    }

    /// <summary>a·2^<paramref name="n"/>, exact barring overflow and underflow.</summary>
    private static DoubleDouble ScaleB(DoubleDouble a, int n) => new(Math.ScaleB(a.Hi, n), Math.ScaleB(a.Lo, n));

    /// <summary>The square root (NaN for negative numbers).</summary>
    public static DoubleDouble Sqrt(DoubleDouble a)
    {
        if (!(a.Hi > 0) || !a.IsFinite) return new DoubleDouble(Math.Sqrt(a.Hi));
        double s = Math.Sqrt(a.Hi);
        var remainder = a - TwoProd(s, s);
        return QuickTwoSum(s, remainder.Hi / (2 * s));
    }

    /// <summary>
    /// eˣ = 2ᵏ·e^(j/64)·eʳ: x = k·ln 2 + j/64 + r with |r| ≤ 1/128, e^(j/64) from a table and
    /// eʳ − 1 by its Taylor polynomial of degree 11 (truncation below 10⁻³⁴).
    /// </summary>
    public static DoubleDouble Exp(DoubleDouble a)
    {
        if (!a.IsFinite || a.Hi > 709.78 || a.Hi < -745.2) return new DoubleDouble(Math.Exp(a.Hi));
        if (a.Hi == 0) return One;
        double k = Math.Round(a.Hi / Ln2A);
        var r = k == 0 ? a : a - TwoProd(k, Ln2A) - TwoProd(k, Ln2B) - k * Ln2C;
        int j = (int)Math.Round(r.Hi * 64);
        var p = ExpMinusOneReduced(r - j / 64.0);
        var t = ExpTable[j + ExpTableHalfWidth];
        return ScaleB(t + t * p, (int)k);
    }

    /// <summary>
    /// eʳ − 1 for |r| ≤ 1/128 by its Taylor polynomial of degree 11 (Horner), to full relative
    /// precision. The terms from r⁷/8! on are below 10⁻¹⁹ of the sum and are summed in double.
    /// </summary>
    private static DoubleDouble ExpMinusOneReduced(DoubleDouble r)
    {
        double rh = r.Hi;
        double tail = ((InverseFactorials[11].Hi * rh + InverseFactorials[10].Hi) * rh + InverseFactorials[9].Hi) * rh + InverseFactorials[8].Hi;
        var p = tail * r + InverseFactorials[7];
        for (int n = 6; n >= 1; n--) p = p * r + InverseFactorials[n];
        return p * r;
    }

    /// <summary>
    /// eˣ for |x| ≤ 1: e^(x/512) − 1 by its Taylor series, then (1 + s)² − 1 = 2s + s² nine times.
    /// Slower than <see cref="Exp"/>; builds its table.
    /// </summary>
    private static DoubleDouble ExpBySquaring(DoubleDouble a)
    {
        var r = ScaleB(a, -9);
        var power = r * r;
        var sum = r + ScaleB(power, -1);
        for (int n = 3; n < InverseFactorials.Length; n++)
        {
            power *= r;
            var term = power * InverseFactorials[n];
            sum += term;
            if (Math.Abs(term.Hi) <= Epsilon * 1.953125e-3 * Math.Abs(sum.Hi)) break;
        }
        for (int t = 0; t < 9; t++) sum = ScaleB(sum, 1) + sum * sum;
        return sum + One;
    }

    private static DoubleDouble[] BuildExpTable()
    {
        var table = new DoubleDouble[2 * ExpTableHalfWidth + 1];
        for (int j = -ExpTableHalfWidth; j <= ExpTableHalfWidth; j++) table[j + ExpTableHalfWidth] = ExpBySquaring(new DoubleDouble(j / 64.0));
        return table;
    }

    /// <summary>
    /// The natural logarithm: a = 2ᵉ·m with 1/√2 ≤ m &lt; √2, log a = e·ln 2 + log m, and log m by one
    /// Newton step on eʸ = m from the double logarithm.
    /// </summary>
    public static DoubleDouble Log(DoubleDouble a)
    {
        if (!(a.Hi > 0) || !a.IsFinite) return new DoubleDouble(Math.Log(a.Hi));
        if (a.Hi == 1 && a.Lo == 0) return Zero;
        int e = Math.ILogB(a.Hi);
        if (Math.ScaleB(a.Hi, -e) > 1.4142135623730951) e++;
        var m = ScaleB(a, -e);
        var x = new DoubleDouble(Math.Log(m.Hi));
        // Near 1, m·e⁻ˣ − 1 = (m − 1) + m·(e⁻ˣ − 1) keeps the relative precision of a small logarithm.
        x += Math.Abs(x.Hi) <= 1.0 / 128 ? (m - One) + m * ExpMinusOneReduced(-x) : m * Exp(-x) - One;
        return e == 0 ? x : TwoProd(e, Ln2A) + TwoProd(e, Ln2B) + (e * Ln2C + x);
    }

    /// <summary>
    /// a^b: by repeated squaring for integer b (|b| ≤ 2³¹ − 1), exp(b·log a) otherwise; zero, negative
    /// bases with non-integer exponents and non-finite operands follow <see cref="Math.Pow"/>.
    /// </summary>
    public static DoubleDouble Pow(DoubleDouble a, DoubleDouble b)
    {
        if (b.Lo == 0 && b.Hi == Math.Floor(b.Hi) && Math.Abs(b.Hi) <= int.MaxValue)
            return Pow(a, (int)b.Hi);
        if (!(a.Hi > 0) || !a.IsFinite || !b.IsFinite) return new DoubleDouble(Math.Pow(a.Hi, b.Hi));
        return Exp(b * Log(a));
    }

    /// <summary>a^n by repeated squaring.</summary>
    public static DoubleDouble Pow(DoubleDouble a, int n)
    {
        if (n == 0) return One;
        if (a.Hi == 0 || !a.IsFinite) return new DoubleDouble(Math.Pow(a.Hi, n));
        long m = Math.Abs((long)n);
        var result = One;
        var square = a;
        while (true)
        {
            if ((m & 1) != 0) result *= square;
            m >>= 1;
            if (m == 0) break;
            square *= square;
        }
        return n < 0 ? One / result : result;
    }

    /// <summary>The sine.</summary>
    public static DoubleDouble Sin(DoubleDouble a) => a.IsFinite ? SinCos(a).Sin : new DoubleDouble(Math.Sin(a.Hi));

    /// <summary>The cosine.</summary>
    public static DoubleDouble Cos(DoubleDouble a) => a.IsFinite ? SinCos(a).Cos : new DoubleDouble(Math.Cos(a.Hi));

    /// <summary>The tangent, as sine over cosine.</summary>
    public static DoubleDouble Tan(DoubleDouble a)
    {
        if (!a.IsFinite) return new DoubleDouble(Math.Tan(a.Hi));
        var (sin, cos) = SinCos(a);
        return sin / cos;
    }

    /// <summary>The arctangent, by one Newton step on sin y − a·cos y = 0 from the double arctangent.</summary>
    public static DoubleDouble Atan(DoubleDouble a)
    {
        if (!a.IsFinite) return new DoubleDouble(Math.Atan(a.Hi));
        if (a.Hi == 0) return a;
        var y = new DoubleDouble(Math.Atan(a.Hi));
        var (s, c) = SinCos(y);
        return y - (s - a * c) / (c + a * s);
    }

    /// <summary>|a|.</summary>
    public static DoubleDouble Abs(DoubleDouble a) => a.Hi < 0 || (a.Hi == 0 && a.Lo < 0) ? -a : a;

    /// <summary>The smaller of two numbers (NaN when either is NaN).</summary>
    public static DoubleDouble Min(DoubleDouble a, DoubleDouble b) =>
        double.IsNaN(a.Hi) || double.IsNaN(b.Hi) ? new DoubleDouble(double.NaN) : a <= b ? a : b;

    /// <summary>The larger of two numbers (NaN when either is NaN).</summary>
    public static DoubleDouble Max(DoubleDouble a, DoubleDouble b) =>
        double.IsNaN(a.Hi) || double.IsNaN(b.Hi) ? new DoubleDouble(double.NaN) : a >= b ? a : b;

    /// <summary>x = k·π/2 + r with |r| ≤ π/4; returns r and k mod 4.</summary>
    private static (DoubleDouble Reduced, int Quadrant) ReduceHalfPi(DoubleDouble a)
    {
        double k = Math.Round(a.Hi / HalfPiA);
        if (k == 0) return (a, 0);
        var r = a - TwoProd(k, HalfPiA) - TwoProd(k, HalfPiB) - k * HalfPiC;
        int quadrant = (int)(((k % 4) + 4) % 4);
        return (r, quadrant);
    }

    /// <summary>
    /// sin a and cos a: a = k·π/2 + r with |r| ≤ π/4, sin r by its Taylor polynomial of degree 27
    /// (Horner in r²; the terms from r¹⁷/17! on are below 10⁻¹⁶ of the sum and are summed in double),
    /// cos r = √(1 − sin²r) ≥ 1/√2, then the quadrant.
    /// </summary>
    private static (DoubleDouble Sin, DoubleDouble Cos) SinCos(DoubleDouble a)
    {
        var (r, quadrant) = ReduceHalfPi(a);
        var r2 = -(r * r);
        double tail = InverseFactorials[27].Hi;
        for (int n = 25; n >= 17; n -= 2) tail = tail * r2.Hi + InverseFactorials[n].Hi;
        var p = tail * r2 + InverseFactorials[15];
        for (int n = 13; n >= 1; n -= 2) p = p * r2 + InverseFactorials[n];
        var sin = p * r;
        var cos = Sqrt(One - sin * sin);
        return quadrant switch
        {
            0 => (sin, cos),
            1 => (cos, -sin),
            2 => (-sin, -cos),
            _ => (-cos, sin),
        };
    }

    private static DoubleDouble[] BuildInverseFactorials(int count)
    {
        var result = new DoubleDouble[count];
        var factorial = One;
        result[0] = One;
        for (int n = 1; n < count; n++)
        {
            factorial *= n;
            result[n] = One / factorial;
        }
        return result;
    }

    /// <summary>Numerical less-than.</summary>
    public static bool operator <(DoubleDouble a, DoubleDouble b) => a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo < b.Lo);

    /// <summary>Numerical greater-than.</summary>
    public static bool operator >(DoubleDouble a, DoubleDouble b) => a.Hi > b.Hi || (a.Hi == b.Hi && a.Lo > b.Lo);

    /// <summary>Numerical less-or-equal.</summary>
    public static bool operator <=(DoubleDouble a, DoubleDouble b) => a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo <= b.Lo);

    /// <summary>Numerical greater-or-equal.</summary>
    public static bool operator >=(DoubleDouble a, DoubleDouble b) => a.Hi > b.Hi || (a.Hi == b.Hi && a.Lo >= b.Lo);

    /// <summary>Numerical equality (NaN equals nothing).</summary>
    public static bool operator ==(DoubleDouble a, DoubleDouble b) => a.Hi == b.Hi && a.Lo == b.Lo;

    /// <summary>Numerical inequality.</summary>
    public static bool operator !=(DoubleDouble a, DoubleDouble b) => !(a == b);

    /// <inheritdoc />
    public bool Equals(DoubleDouble other) => Hi.Equals(other.Hi) && Lo.Equals(other.Lo);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DoubleDouble other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Hi, Lo);

    /// <inheritdoc />
    public int CompareTo(DoubleDouble other)
    {
        int c = Hi.CompareTo(other.Hi);
        return c != 0 ? c : Lo.CompareTo(other.Lo);
    }

    /// <summary>The value to 32 significant digits, e.g. <c>2.7182818284590452353602874713527e0</c>.</summary>
    public override string ToString()
    {
        if (!IsFinite) return Hi.ToString(CultureInfo.InvariantCulture);
        if (Hi == 0) return "0";
        var a = Abs(this);
        int exponent = (int)Math.Floor(Math.Log10(a.Hi));
        var scaled = exponent >= 0 ? a / PowerOfTen(exponent)
            : exponent >= -300 ? a * PowerOfTen(-exponent) : a * PowerOfTen(300) * PowerOfTen(-exponent - 300);
        if (scaled.Hi >= 10) { scaled /= 10; exponent++; }
        else if (scaled.Hi < 1) { scaled *= 10; exponent--; }
        var digits = new System.Text.StringBuilder(40);
        if (Hi < 0) digits.Append('-');
        for (int d = 0; d < 32; d++)
        {
            int digit = (int)Math.Floor(scaled.Hi);
            var rest = scaled - digit;
            if (rest.Hi < 0) { digit--; rest += One; }
            digits.Append((char)('0' + Math.Clamp(digit, 0, 9)));
            if (d == 0) digits.Append('.');
            scaled = rest * 10;
        }
        digits.Append('e').Append(exponent.ToString(CultureInfo.InvariantCulture));
        return digits.ToString();
    }
}
