using MonitorDashboard.Demo;

namespace MonitorDashboard.Tests.Demo;

public sealed class DemoPipelineSimulatorTests
{
    private static readonly long Noon = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Tick_OneSecond_CoversBothStagesBothVersionsAndAllThreeFamilies()
    {
        var events = new DemoPipelineSimulator(new Random(1), 20, 0.1).Tick(Noon);

        Assert.Equal(["asr", "vad"], events.Select(e => e.Series.Stage).Distinct().Order());
        Assert.Equal(["v1", "v2"], events.Select(e => e.Series.Version).Distinct().Order());
        Assert.Equal(["input", "output", "software"], events.Select(e => e.Series.Kind).Distinct().Order());
        string[] expected = ["latency_ms", "qps", "memory_mb", "server_load", "error_rate", "input_volume", "input_length",
            "missing_fraction", "null_return_rate", "redo_search_rate", "mode_switch_rate", "ctr"];
        Assert.Empty(expected.Except(events.Select(e => e.Series.Name)));
    }

    [Fact]
    public void DailyRhythm_Afternoon_BusierThanNight()
    {
        var afternoon = DemoPipelineSimulator.DailyRhythm(Noon + (3 * 3600_000));
        var night = DemoPipelineSimulator.DailyRhythm(Noon + (15 * 3600_000));

        Assert.True(afternoon > 2 * night, $"afternoon {afternoon} vs night {night}");
    }

    [Fact]
    public void Tick_OverADay_SomeIncidentHappens()
    {
        var simulator = new DemoPipelineSimulator(new Random(7), 20, 0.1);
        var incidents = new HashSet<DemoIncident>();
        for (var t = Noon; t < Noon + 86_400_000; t += 60_000)
        {
            simulator.Tick(t, 60);
            incidents.Add(simulator.CurrentIncident);
        }

        Assert.True(incidents.Count >= 3, string.Join(",", incidents));
    }
}
