using System.Collections.Immutable;
using System.Numerics;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.P2P.Sync;

/// <summary>
/// Core's headers presync (anti-DoS, -minimumchainwork) for one peer whose headers chain starts below the work threshold:
/// in the <em>presync</em> phase the headers are only counted — their work summed and the hash of every
/// <see cref="CheckpointInterval"/>-th height kept, nothing stored — until the chain reaches the threshold (or ends
/// below it: abandoned). Then the peer is asked again from our chain and in the <em>redownload</em> phase each header
/// must match the kept hashes; headers are released for storing once a kept hash at or above them matched (a hash
/// commits to every header below it), up to the header where the threshold was reached, after which the chain is
/// stored as usual. Core keeps salted 1-bit commitments to save memory; we keep 32-byte hashes every 1,000 headers
/// (about 29 kB for the whole main chain).
/// </summary>
public sealed class HeadersPresync
{
    /// <summary>Heights whose hash is kept during presync.</summary>
    public const int CheckpointInterval = 1000;

    private readonly Dictionary<int, UInt256> _checkpoints = [];
    private readonly BigInteger _threshold;
    private readonly List<BlockHeader> _pending = [];
    private UInt256 _last;
    private int _lastHeight;
    private BigInteger _work;
    private int _targetHeight = -1;

    /// <summary>Starts presync above <paramref name="startHash"/> (a header we have) at <paramref name="startHeight"/> with its chain work.</summary>
    public HeadersPresync(UInt256 startHash, int startHeight, BigInteger startWork, BigInteger threshold)
    {
        StartHash = startHash;
        StartHeight = startHeight;
        _last = startHash;
        _lastHeight = startHeight;
        _work = startWork;
        _threshold = threshold;
    }

    /// <summary>The header the peer's chain builds on.</summary>
    public UInt256 StartHash { get; }

    public int StartHeight { get; }

    /// <summary>True once presync reached the threshold and the peer's headers are being fetched again.</summary>
    public bool Redownloading => _targetHeight >= 0;

    /// <summary>The height presync counted up to.</summary>
    public int PresyncHeight => Redownloading ? _targetHeight : _lastHeight;

    /// <summary>The last header received (what the next getheaders continues from).</summary>
    public UInt256 Last => _last;

    /// <summary>Presync phase: counts <paramref name="headers"/> (continuous, proof of work already checked by the caller).</summary>
    public PresyncStep Presync(ImmutableArray<BlockHeader> headers, bool fullBatch)
    {
        if (headers.IsEmpty || headers[0].PreviousBlockHash != _last) return PresyncStep.Abandon;
        foreach (var header in headers)
        {
            _lastHeight++;
            _work += header.Work;
            _last = header.Hash;
            if (_lastHeight % CheckpointInterval == 0) _checkpoints[_lastHeight] = header.Hash;
            if (_work >= _threshold)
            {
                _checkpoints[_lastHeight] = header.Hash;
                _targetHeight = _lastHeight;
                _last = StartHash;
                _lastHeight = StartHeight;
                return PresyncStep.Redownload;
            }
        }
        return fullBatch ? PresyncStep.Continue : PresyncStep.Abandon;
    }

    /// <summary>
    /// Redownload phase: checks <paramref name="headers"/> against the kept hashes; <paramref name="verified"/> gets the
    /// headers now safe to store (in order).
    /// </summary>
    public PresyncStep Redownload(ImmutableArray<BlockHeader> headers, bool fullBatch, out List<BlockHeader> verified)
    {
        verified = [];
        if (headers.IsEmpty || headers[0].PreviousBlockHash != _last) return PresyncStep.Abandon;
        for (var i = 0; i < headers.Length; i++)
        {
            var header = headers[i];
            _lastHeight++;
            _last = header.Hash;
            if (_checkpoints.TryGetValue(_lastHeight, out var kept) && kept != header.Hash) return PresyncStep.Abandon;
            _pending.Add(header);
            if (_checkpoints.ContainsKey(_lastHeight))
            {
                verified.AddRange(_pending);
                _pending.Clear();
            }
            if (_lastHeight == _targetHeight)
            {
                verified.AddRange(headers[(i + 1)..]);
                return PresyncStep.Done;
            }
        }
        return fullBatch ? PresyncStep.Continue : PresyncStep.Abandon;
    }
}
