using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Reading;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Tests.Storage.Rollups;

/// <summary>A database written by the version before rollups: the upgrade keeps every point and rolls them all up.</summary>
public sealed class RollupUpgradeTests : IDisposable
{
    private const string LastMigrationBeforeRollups = "20261125141401_EventIdAge";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"monitor-upgrade-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private PooledDbContextFactory<MonitorDbContext> Factory() =>
        new(new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite($"Data Source={_path}").Options);

    [Fact]
    public async Task Migrate_PointsOfTheVersionBeforeRollups_AreKeptNumberedAndRolledUpAtFirstStart()
    {
        var factory = Factory();
        // Ten minutes into an hour two hours ago: the third point, a minute later, stays in the same hour (a minute taken
        // from the clock failed at hh:59, when it crossed into the next hour's bucket).
        var minute = RollupResolution.BucketStart(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds(), RollupResolution.HourMs)
            + (10 * RollupResolution.MinuteMs);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBeforeRollups);
            // The old schema: Points(Id, SeriesId, TimestampMs, Value); two points share a millisecond.
            var oldRows = $"""
                INSERT INTO Series (Id, Model, Stage, Version, Kind, Name, Tags, CreatedMs) VALUES (1, 'asr', 'asr', 'v1', 'software', 'latency_ms', '{TagJson.Empty}', 0);
                INSERT INTO Points (SeriesId, TimestampMs, Value) VALUES (1, {minute + 5}, 10), (1, {minute + 5}, 20), (1, {minute + 61_000}, 30);
                """;
            await using var command = db.Database.GetDbConnection().CreateCommand();
            await db.Database.OpenConnectionAsync();
            command.CommandText = oldRows; // not ExecuteSqlRaw: it reads the tags' braces as format placeholders
            await command.ExecuteNonQueryAsync();
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            Assert.Equal(2, await db.RollupPending.CountAsync());
        }

        // The writer's first start moves the rows into blocks, then rolls their minutes up.
        using var store = new PointStore(factory, TimeProvider.System, Options.Create(new StorageOptions()), Options.Create(new RetentionOptions()));
        Assert.Equal(2, store.CatchUpRollups());
        var queries = new SeriesQueryService(factory, TimeProvider.System, Options.Create(new StorageOptions()), Options.Create(new RetentionOptions()),
            new PointReaders(StorageProvider.Sqlite));
        var points = Assert.Single(await queries.GetPointsAsync(SeriesSelector.All, long.MinValue, long.MaxValue, CancellationToken.None));
        Assert.Equal([minute + 5, minute + 5, minute + 61_000], points.TimestampsMs);
        Assert.Equal([10.0, 20.0, 30.0], points.Values);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Points.CountAsync());
        }
        var hour = RollupResolution.BucketStart(minute, RollupResolution.HourMs);
        var buckets = await queries
            .GetBucketsAsync(new SeriesSelector { Model = "asr" }, hour - (30 * RollupResolution.HourMs), hour + (30 * RollupResolution.HourMs), RollupResolution.HourMs, CancellationToken.None);
        var bucket = Assert.Single(Assert.Single(buckets).Buckets);
        Assert.Equal((3L, 60.0, 30.0), (bucket.Count, bucket.Sum, bucket.Last));
    }
}
