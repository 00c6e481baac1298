namespace ScalingLaws.Optimization.Solvers;

/// <summary>Result of a one-dimensional minimisation.</summary>
internal readonly record struct ScalarMinimum(double X, double Value, bool AtLowerEnd, bool AtUpperEnd, int Evaluations);

/// <summary>
/// One-dimensional global-then-local minimisation on an interval: a scan of evenly spaced points brackets
/// the lowest finite value, Brent's method (golden section with parabolic steps) refines it inside the
/// bracket, and when a derivative is supplied and changes sign across the refined point the derivative's
/// root is polished by Brent's root finder (zeroin), which locates a smooth minimum to machine precision
/// instead of the √ε of a value-only search.
/// </summary>
internal static class ScalarMinimizer
{
    private const double Golden = 0.3819660112501051;

    public static ScalarMinimum Minimize(Func<double, double> f, double lo, double hi, int scanPoints,
        Func<double, double>? derivative = null, double tolerance = 1e-12)
    {
        if (!(hi > lo)) throw new ArgumentException("The interval is empty.");
        scanPoints = Math.Max(scanPoints, 3);
        int best = -1;
        double bestValue = double.PositiveInfinity;
        var values = new double[scanPoints];
        for (int i = 0; i < scanPoints; i++)
        {
            values[i] = f(Point(lo, hi, i, scanPoints));
            if (double.IsFinite(values[i]) && values[i] < bestValue) { bestValue = values[i]; best = i; }
        }
        int evaluations = scanPoints;
        if (best < 0) return new ScalarMinimum(double.NaN, double.NaN, false, false, evaluations);
        double a = Point(lo, hi, Math.Max(best - 1, 0), scanPoints), b = Point(lo, hi, Math.Min(best + 1, scanPoints - 1), scanPoints);
        var (x, fx, n) = Brent(f, a, b, Point(lo, hi, best, scanPoints), bestValue, tolerance);
        evaluations += n;
        if (derivative is not null && x > lo && x < hi)
        {
            double width = Math.Max(1e-6 * (b - a), 64 * 2.2e-16 * Math.Max(1, Math.Abs(x)));
            double left = Math.Max(a, x - width), right = Math.Min(b, x + width);
            double dl = derivative(left), dr = derivative(right);
            for (int expand = 0; expand < 4 && !(dl < 0 && dr > 0); expand++)
            {
                left = Math.Max(a, x - (width *= 10)); right = Math.Min(b, x + width);
                dl = derivative(left); dr = derivative(right);
            }
            if (dl < 0 && dr > 0)
            {
                double root = Zero(derivative, left, right, dl, dr, 0);
                double froot = f(root);
                evaluations++;
                if (double.IsFinite(froot) && froot <= fx + 8 * 2.2e-16 * Math.Abs(fx)) { x = root; fx = froot; }
            }
        }
        return new ScalarMinimum(x, fx, x <= lo, x >= hi, evaluations);
    }

    private static double Point(double lo, double hi, int i, int count) => i == count - 1 ? hi : lo + (hi - lo) * i / (count - 1);

    /// <summary>Brent's minimisation on [a, b] from the point <paramref name="x0"/> with value <paramref name="f0"/>.</summary>
    public static (double X, double Value, int Evaluations) Brent(Func<double, double> f, double a, double b, double x0, double f0, double tolerance)
    {
        double x = x0, w = x0, v = x0, fx = f0, fw = f0, fv = f0;
        double d = 0, e = 0;
        int evaluations = 0;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double xm = 0.5 * (a + b);
            double tol1 = tolerance * Math.Abs(x) + 1e-15, tol2 = 2 * tol1;
            if (Math.Abs(x - xm) <= tol2 - 0.5 * (b - a)) break;
            bool golden = true;
            if (Math.Abs(e) > tol1)
            {
                double r = (x - w) * (fx - fv), q = (x - v) * (fx - fw), p = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) p = -p;
                q = Math.Abs(q);
                double etemp = e;
                e = d;
                if (!(Math.Abs(p) >= Math.Abs(0.5 * q * etemp) || p <= q * (a - x) || p >= q * (b - x)))
                {
                    d = p / q;
                    double u0 = x + d;
                    if (u0 - a < tol2 || b - u0 < tol2) d = xm - x >= 0 ? tol1 : -tol1;
                    golden = false;
                }
            }
            if (golden)
            {
                e = x >= xm ? a - x : b - x;
                d = Golden * e;
            }
            double u = Math.Abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
            double fu = f(u);
            evaluations++;
            if (!double.IsFinite(fu)) fu = double.PositiveInfinity;
            if (fu <= fx)
            {
                if (u >= x) a = x; else b = x;
                v = w; fv = fw; w = x; fw = fx; x = u; fx = fu;
            }
            else
            {
                if (u < x) a = u; else b = u;
                if (fu <= fw || w == x) { v = w; fv = fw; w = u; fw = fu; }
                else if (fu <= fv || v == x || v == w) { v = u; fv = fu; }
            }
        }
        return (x, fx, evaluations);
    }

    /// <summary>Brent's root finder (zeroin) on [a, b] with f(a), f(b) of opposite signs.</summary>
    public static double Zero(Func<double, double> f, double a, double b, double fa, double fb, double tolerance)
    {
        double c = a, fc = fa, d = b - a, e = d;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) { c = a; fc = fa; d = e = b - a; }
            if (Math.Abs(fc) < Math.Abs(fb)) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa; }
            double tol1 = 2 * 2.220446049250313e-16 * Math.Abs(b) + 0.5 * tolerance;
            double xm = 0.5 * (c - b);
            if (Math.Abs(xm) <= tol1 || fb == 0) return b;
            if (Math.Abs(e) >= tol1 && Math.Abs(fa) > Math.Abs(fb))
            {
                double s = fb / fa, p, q;
                if (a == c) { p = 2 * xm * s; q = 1 - s; }
                else
                {
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q;
                p = Math.Abs(p);
                if (2 * p < Math.Min(3 * xm * q - Math.Abs(tol1 * q), Math.Abs(e * q))) { e = d; d = p / q; }
                else { d = xm; e = d; }
            }
            else { d = xm; e = d; }
            a = b; fa = fb;
            b += Math.Abs(d) > tol1 ? d : (xm >= 0 ? tol1 : -tol1);
            fb = f(b);
            if (double.IsNaN(fb)) return a;
        }
        return b;
    }

    /// <summary>The crossing of a predicate between a point where it holds and one where it fails, by bisection to <paramref name="tolerance"/>.</summary>
    public static double Boundary(Func<double, bool> holds, double inside, double outside, double tolerance)
    {
        for (int iteration = 0; iteration < 200 && Math.Abs(outside - inside) > tolerance; iteration++)
        {
            double mid = 0.5 * (inside + outside);
            if (holds(mid)) inside = mid; else outside = mid;
        }
        return inside;
    }
}
