using System.Globalization;

namespace MonitorDashboard.Deployments.Canary;

/// <summary>Numbers for reasons a person reads: about three significant figures, invariant culture.</summary>
internal static class CanaryFormat
{
    public static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude >= 100 ? "F0" : magnitude >= 10 ? "F1" : magnitude >= 1 ? "F2" : magnitude == 0 ? "F0" : "G3";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string Signed(double value) => (value > 0 ? "+" : "") + Number(value);

    public static string Interval(double lower, double upper) => $"[{Number(lower)}, {Number(upper)}]";

    /// <summary>0.123 as "12%", 0.0123 as "1.2%".</summary>
    public static string Percent(double fraction)
    {
        var percent = fraction * 100;
        var format = Math.Abs(percent) >= 10 || percent == 0 ? "F0" : "F1";
        return percent.ToString(format, CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>Rates are small: show them in percent with enough digits to tell 0.1% from 1%.</summary>
    public static string Rate(double rate) => Number(rate * 100) + "%";

    public static string Ratio(double numerator, double denominator) =>
        denominator > 0 ? (numerator / denominator).ToString("F1", CultureInfo.InvariantCulture) + "x" : "n/a";
}
