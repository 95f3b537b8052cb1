using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P;
using Drivechain.Node.P2P.Messages;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Scripted bad peers (raw TCP) against the real node while it syncs from the real Bitcoin Core: each is disconnected
/// (garbage, a bad checksum, an oversized length, a silent peer, too many headers, a header without proof of work, a
/// flood of headers that do not connect), and the node keeps syncing from Core.
/// </summary>
public sealed class BadPeerTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-badpeer-").FullName;

    [BitcoindFact]
    public async Task Bad_peers_are_disconnected_and_the_node_keeps_syncing_from_core()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var address = await core.CreateWalletAsync();
        var first = (await core.GenerateToAddressAsync(1, address))[0];
        await using var node = await NodeProcess.StartAsync(_dataDir, "--connect", core.P2pEndpoint, "--listen", "1", "--peertimeout", "2");
        await node.WaitForOutputAsync($"Block {first} accepted at height 1", Timeout);

        // Framing: garbage (taken for a v2 key, no garbage terminator), a bad checksum, an oversized length.
        (await ClosedAfterRawAsync(node, RandomNumberGenerator.GetBytes(5000))).Should().BeTrue("garbage drops the peer");
        var version = new VersionMessage(70016, 9, 0, 1, "/bad/", 0, true).ToBytes();
        (await ClosedAfterRawAsync(node, Frame("version", version, checksum: 0xdeadbeef))).Should().BeTrue("a bad checksum drops the peer");
        (await ClosedAfterRawAsync(node, Frame("version", version, length: 4_000_001))).Should().BeTrue("an oversized length drops the peer");
        (await ClosedAfterRawAsync(node, [])).Should().BeTrue("a silent peer is dropped after -peertimeout");

        // Headers: more than 2,000 in one message; a header without proof of work; headers that never connect.
        var tooMany = new byte[3 + 2001 * 81];
        tooMany[0] = 0xfd;
        BinaryPrimitives.WriteUInt16LittleEndian(tooMany.AsSpan(1), 2001);
        (await ClosedAfterMessagesAsync(node, ("headers", tooMany))).Should().BeTrue("2,001 headers drop the peer");
        var noWork = new BlockHeader(1, UInt256.Zero, UInt256.Zero, 1_700_000_000, 0x1d00ffff, 0);
        (await ClosedAfterMessagesAsync(node, ("headers", P2PPayloads.Headers([noWork])))).Should().BeTrue("a header without proof of work drops the peer");
        var flood = Enumerable.Range(1, PeerManager.MaxUnconnectingHeaders + 1)
            .Select(i => ("headers", P2PPayloads.Headers([Mine(new BlockHeader(1, new UInt256(RandomNumberGenerator.GetBytes(32)), UInt256.Zero, 1_700_000_000, 0x207fffff, 0))])))
            .ToArray();
        (await ClosedAfterMessagesAsync(node, flood)).Should().BeTrue("a flood of unconnecting headers drops the peer");

        // The logger writes each line after the disconnect itself: wait for them rather than read the output at once.
        foreach (var line in new[] { "disconnecting but not discouraging local peer", "disconnected: misbehaved on 'headers'", "checksum", "too many unconnecting headers", "high-hash" })
            await node.WaitForOutputAsync(line, Timeout);
        var next = (await core.GenerateToAddressAsync(1, address))[0];
        await node.WaitForOutputAsync($"Block {next} accepted at height 2", Timeout);
        (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Should().ContainSingle("only Core is still connected");
    }

    private static async Task<bool> ClosedAfterRawAsync(NodeProcess node, byte[] bytes)
    {
        await using var peer = await ScriptedPeer.ConnectAsync(node.P2pPort);
        if (bytes.Length > 0) await peer.SendRawAsync(bytes);
        return await peer.IsClosedByNodeAsync();
    }

    private static async Task<bool> ClosedAfterMessagesAsync(NodeProcess node, params (string Command, byte[] Payload)[] messages)
    {
        await using var peer = await ScriptedPeer.ConnectAsync(node.P2pPort);
        await peer.HandshakeAsync();
        try
        {
            foreach (var (command, payload) in messages) await peer.SendAsync(command, payload);
        }
        catch (IOException)
        {
            return true;   // closed while we were still sending
        }
        return await peer.IsClosedByNodeAsync();
    }

    /// <summary>A v1 message with a chosen checksum or declared length.</summary>
    private static byte[] Frame(string command, byte[] payload, uint? checksum = null, uint? length = null)
    {
        var bytes = new byte[24 + payload.Length];
        V2TestPeers.RegtestMagic.CopyTo(bytes, 0);
        Encoding.ASCII.GetBytes(command).CopyTo(bytes, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), length ?? (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), checksum ?? BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(SHA256.HashData(payload))));
        payload.CopyTo(bytes, 24);
        return bytes;
    }

    /// <summary>Grinds the nonce until the header meets regtest's proof of work.</summary>
    private static BlockHeader Mine(BlockHeader header)
    {
        for (uint nonce = 0; ; nonce++)
        {
            var candidate = header.WithNonce(nonce);
            if (candidate.CheckProofOfWork(Network.Regtest.PowLimit)) return candidate;
        }
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
