namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>One histogram bucket: <paramref name="Count"/> values in (<paramref name="Lower"/>, <paramref name="Upper"/>]; bounds may be infinite.</summary>
public readonly record struct BucketRange(double Lower, double Upper, long Count);
