using System.Text.Json;

namespace MonitorDashboard.Review;

/// <summary>A validated shadow-mode prediction: the input, production's decision and the shadow model's output.</summary>
public sealed record Prediction(
    string Id, long TimestampMs, string Model, string? Stage, JsonElement Input,
    JsonElement ProductionOutput, string ProductionSource, string? ProductionVersion,
    JsonElement ShadowOutput, string ShadowVersion, double? ShadowConfidence);
