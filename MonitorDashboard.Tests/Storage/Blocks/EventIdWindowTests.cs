using MonitorDashboard.Storage.EventIds;

namespace MonitorDashboard.Tests.Storage.Blocks;

public sealed class EventIdWindowTests
{
    [Theory]
    [InlineData("uuid")]
    [InlineData("ulid")]
    [InlineData("counter")]
    public void TryAdd_IdsOfAnyShape_AreNewOnceThenDuplicates(string shape)
    {
        var window = new EventIdWindow(10_000);
        var ids = Enumerable.Range(0, 10_000).Select(i => EventIds.Of(shape, i)).ToList();

        Assert.All(ids, id => Assert.True(window.TryAdd(EventIdHash.Of(id))));
        Assert.All(ids, id => Assert.False(window.TryAdd(EventIdHash.Of(id))));
    }

    [Fact]
    public void TryAdd_PastTwoGenerations_RemembersAtLeastTheLastCapacityIdsAndForgetsOlderOnes()
    {
        const int Capacity = 1_000;
        var window = new EventIdWindow(Capacity);
        var hashes = Enumerable.Range(0, 3 * Capacity).Select(i => EventIdHash.Of($"event-{i}")).ToList();
        hashes.ForEach(h => Assert.True(window.TryAdd(h)));

        // The last Capacity ids are always remembered.
        Assert.All(hashes[^Capacity..], h => Assert.False(window.TryAdd(h)));
        // The oldest generation was dropped: its ids count as new again (stated window: Capacity to 2 x Capacity ids).
        Assert.True(window.TryAdd(hashes[0]));
    }

    [Fact]
    public void Of_SameIdTwice_GivesTheSameHashAndDifferentIdsDifferentOnes()
    {
        Assert.Equal(EventIdHash.Of("a1b2"), EventIdHash.Of(new string("a1b2".ToCharArray())));
        Assert.NotEqual(EventIdHash.Of("a1b2"), EventIdHash.Of("a1b3"));
        Span<byte> bytes = stackalloc byte[EventIdHash.Size];
        EventIdHash.Write(bytes, EventIdHash.Of("x"));
        Assert.Equal(EventIdHash.Of("x"), EventIdHash.Read(bytes));
    }
}
