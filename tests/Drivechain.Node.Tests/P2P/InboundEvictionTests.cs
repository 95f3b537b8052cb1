using Drivechain.Node.P2P;

namespace Drivechain.Node.Tests.P2P;

public sealed class InboundEvictionTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-04T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Peer i connected i minutes after start, pings 100 + i ms, relays nothing, in group <paramref name="group"/>(i).</summary>
    private static List<EvictionCandidate> Peers(int count, Func<int, ulong> group) =>
        [.. Enumerable.Range(0, count).Select(i => new EvictionCandidate(i, Start.AddMinutes(i), TimeSpan.FromMilliseconds(100 + i), default, default,
            RelevantServices: true, RelayTxs: true, KeyedNetGroup: group(i)))];

    [Fact]
    public void Nobody_is_evicted_while_the_protections_cover_every_candidate()
    {
        InboundEviction.SelectNodeToEvict(Peers(4, i => (ulong)i)).Should().BeNull("4 are protected by network group");
        InboundEviction.SelectNodeToEvict(Peers(12, i => (ulong)i)).Should().BeNull("then 8 by lowest ping");
        InboundEviction.SelectNodeToEvict([]).Should().BeNull();
    }

    [Fact]
    public void The_youngest_unprotected_peer_of_the_largest_network_group_is_evicted()
    {
        // 30 peers in group 7, 10 alone in their groups. Protected: 4 by group (36-39), 8 by ping (0-7), 4 by tx time and
        // 4 by block time (the oldest, 8-15 as none relayed), half of the rest by uptime (16-25). Left: 26-29 of group 7
        // and 30-35 alone: group 7 loses its youngest.
        var peers = Peers(40, i => i < 30 ? 7UL : (ulong)(100 + i));
        InboundEviction.SelectNodeToEvict(peers).Should().Be(29);
    }

    [Fact]
    public void Outbound_and_noban_peers_and_recent_block_and_transaction_relayers_are_never_chosen()
    {
        var peers = Peers(40, _ => 1);
        // The four youngest first in the list, so that the group protection (ties keep list order) does not cover them.
        List<EvictionCandidate> list =
        [
            peers[39] with { NoBan = true }, peers[38] with { Inbound = false }, peers[37] with { LastBlockTime = Start.AddHours(1) },
            peers[36] with { LastTxTime = Start.AddHours(1) }, .. peers.Take(36),
        ];
        InboundEviction.SelectNodeToEvict(list).Should().Be(31, "the youngest peer left once 32-35 (group), 0-7 (ping), 36 and 8-10 (tx), 37 and 11-13 (block) and 14-22 (uptime) are protected");
        InboundEviction.SelectNodeToEvict(peers.Take(38)).Should().Be(33, "without the relaying the youngest left loses");
    }

    [Fact]
    public void Peers_marked_prefer_evict_go_first()
    {
        var peers = Peers(40, i => (ulong)(i % 3));
        peers[30] = peers[30] with { PreferEvict = true };
        InboundEviction.SelectNodeToEvict(peers).Should().Be(30);
        peers[30] = peers[30] with { PreferEvict = false };
        InboundEviction.SelectNodeToEvict(peers).Should().NotBe(30);
    }
}
