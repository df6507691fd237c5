using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Review.Privacy;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Review;

/// <summary>
/// Stores predictions durably (one transaction per request, committed before the 202), compares the outputs, queues
/// disagreements and a sample of agreements, and feeds the agreement rate into the metrics as <c>shadow_agreement</c>.
/// </summary>
public sealed class PredictionStore(
    IDbContextFactory<MonitorDbContext> factory,
    IOptions<ReviewOptions> options,
    IngestionQueue metrics,
    ILogger<PredictionStore> logger)
{
    public const string AgreementMetric = "shadow_agreement";

    public async Task<PredictionIngestResult> InsertAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var stored = new List<(Prediction Prediction, bool Agrees)>();
        var disagreements = 0;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT OR IGNORE INTO Predictions (ClientId, Model, Stage, TimestampMs, InputJson, ProductionJson, ProductionSource,
                    ProductionVersion, ShadowJson, ShadowVersion, ShadowConfidence, Agrees, InQueue)
                VALUES ($id, $model, $stage, $ts, $input, $production, $source, $productionVersion, $shadow, $shadowVersion, $confidence, $agrees, $queue)
                """;
            foreach (var name in new[] { "$id", "$model", "$stage", "$ts", "$input", "$production", "$source", "$productionVersion", "$shadow", "$shadowVersion", "$confidence", "$agrees", "$queue" })
            {
                insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            foreach (var p in predictions)
            {
                // Compared as sent, stored redacted: the raw user data never reaches the file.
                var agrees = OutputComparer.Agrees(p.ProductionOutput, p.ShadowOutput, settings.ComparisonFor(p.Model));
                var privacy = settings.PrivacyFor(p.Model);
                object?[] values = [p.Id, p.Model, p.Stage, p.TimestampMs, PayloadRedactor.Redact(p.Input, privacy), PayloadRedactor.Redact(p.ProductionOutput, privacy),
                    p.ProductionSource, p.ProductionVersion, PayloadRedactor.Redact(p.ShadowOutput, privacy), p.ShadowVersion, p.ShadowConfidence, agrees, !agrees || IsSampled(p, settings.AgreementSampleRate)];
                for (var i = 0; i < values.Length; i++)
                {
                    insert.Parameters[i].Value = values[i] ?? DBNull.Value;
                }
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    stored.Add((p, agrees));
                    disagreements += agrees ? 0 : 1;
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        await FeedAgreementMetricAsync(stored);
        return new PredictionIngestResult(stored.Count, predictions.Count - stored.Count, disagreements);
    }

    /// <summary>A deterministic sample (by model and id), so a retried prediction makes the same choice.</summary>
    private static bool IsSampled(Prediction p, double rate) =>
        rate > 0 && BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(p.Model + "\u001f" + p.Id))) < rate * uint.MaxValue;

    private async Task FeedAgreementMetricAsync(List<(Prediction Prediction, bool Agrees)> stored)
    {
        if (stored.Count == 0)
        {
            return;
        }
        var events = stored.Select(s => new MetricEvent
        {
            TimestampMs = s.Prediction.TimestampMs,
            Series = new SeriesKey
            {
                Model = s.Prediction.Model, Version = s.Prediction.ShadowVersion, Stage = s.Prediction.Stage ?? s.Prediction.Model,
                Kind = MetricKind.Output.ToWire(), Name = AgreementMetric,
            },
            Value = s.Agrees ? 1 : 0,
        }).ToList();
        try
        {
            await metrics.EnqueueAsync(events);
        }
        catch (IngestionRejectedException ex)
        {
            // The predictions are stored; only this derived metric is late or missing. Never fail the request for it.
            logger.LogWarning("Agreement metric for {Count} predictions not recorded: {Reason}", events.Count, ex.Message);
        }
    }
}
