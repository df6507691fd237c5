using MonitorDashboard.Review;

namespace MonitorDashboard.Storage.Review;

/// <summary>Between stored predictions and what the review capability sees; rows never leave the Storage folder.</summary>
internal static class PredictionMapping
{
    public static ReviewItem ToItem(this PredictionRow r) => new(r.Id, r.ClientId, r.Model, r.Stage, r.Timestamp,
        r.InputJson, r.ProductionJson, r.ProductionSource, r.ProductionVersion, r.ShadowJson, r.ShadowVersion, r.ShadowConfidence, r.Agrees,
        r.LeaseExpires, r.Verdict, r.CorrectedJson, r.Note);

    public static PredictionRow ToRow(this PredictionEntry e) => new()
    {
        ClientId = e.Prediction.Id,
        Model = e.Prediction.Model,
        Stage = e.Prediction.Stage,
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(e.Prediction.TimestampMs),
        InputJson = e.Input,
        ProductionJson = e.ProductionOutput,
        ProductionSource = e.Prediction.ProductionSource,
        ProductionVersion = e.Prediction.ProductionVersion,
        ShadowJson = e.ShadowOutput,
        ShadowVersion = e.Prediction.ShadowVersion,
        ShadowConfidence = e.Prediction.ShadowConfidence,
        Agrees = e.Agrees,
        InQueue = e.InQueue,
    };
}
