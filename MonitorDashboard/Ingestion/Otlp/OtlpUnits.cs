namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>
/// The unit rule: durations arrive in the unit the instrument chose (OpenTelemetry's semantic conventions say
/// seconds); the catalog and every latency chart use milliseconds, so a value in <c>s</c>, <c>us</c> or <c>ns</c>
/// is converted to ms (unit strings are UCUM, as the OTLP <c>unit</c> field specifies). Any other unit is kept as sent.
/// </summary>
public static class OtlpUnits
{
    /// <summary>The factor that turns a value in <paramref name="unit"/> into the stored value.</summary>
    public static double ScaleToStored(string unit, bool convertDurations) => !convertDurations ? 1 : unit switch
    {
        "s" => 1_000,
        "us" => 0.001,
        "ns" => 0.000_001,
        _ => 1,
    };
}
