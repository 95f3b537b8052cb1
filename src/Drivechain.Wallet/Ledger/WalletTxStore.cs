using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Wallet.Ledger;

/// <summary>
/// The wallet's transactions on disk: <c>transactions.jsonl</c> in the wallet directory, an append-only journal of the
/// ledger's changes (one JSON object a line: a transaction with its receive time and whether it is ours, a confirmation,
/// a disconnected block, the tip, a rescan). Replaying a prefix of the journal gives a state the ledger really had, so a
/// torn last line (a crash mid-write) only costs a longer rescan. Opening replays it and rewrites it as a compact
/// snapshot (temporary file, fsync, rename: atomic); the file is created 0600. Changes are buffered until
/// <see cref="Commit"/>, which fsyncs. Not thread-safe: the ledger's owner serialises calls.
/// </summary>
public sealed partial class WalletTxStore : ILedgerJournal, IDisposable
{
    /// <summary>The journal's file name in the wallet directory.</summary>
    public const string FileName = "transactions.jsonl";

    private readonly string _path;
    private readonly WalletLedger _ledger;
    private FileStream? _stream;
    private readonly MemoryStream _pending = new();
    private long _appended;

    private WalletTxStore(string path, WalletLedger ledger)
    {
        _path = path;
        _ledger = ledger;
    }

    /// <summary>Lines of the journal that could not be read at open (a torn tail) and were dropped.</summary>
    public int DroppedRecords { get; private set; }

    /// <summary>
    /// Replays <c>transactions.jsonl</c> of <paramref name="directory"/> (if any) into <paramref name="ledger"/>, compacts
    /// it and becomes the ledger's journal.
    /// </summary>
    public static WalletTxStore Open(string directory, WalletLedger ledger)
    {
        var store = new WalletTxStore(Path.Combine(directory, FileName), ledger);
        if (File.Exists(store._path)) store.Replay();
        store.Compact();
        ledger.Journal = store;
        return store;
    }

    /// <summary>Writes the buffered changes to the journal and fsyncs it.</summary>
    public void Commit()
    {
        if (_pending.Length == 0 || _stream is null) return;
        _pending.Position = 0;
        _pending.CopyTo(_stream);
        _pending.SetLength(0);
        _stream.Flush(flushToDisk: true);
        if (_appended > 1000 + 4L * _ledger.TransactionCount) Compact();
    }

    public void Added(WalletTx tx) => Append(new Record { K = "tx", Tx = tx.Transaction.ToHex(), T = tx.TimeReceived, M = tx.FromMe });

    public void Confirmed(WalletTx tx) =>
        Append(new Record { K = "conf", Id = tx.TxId.ToString(), B = tx.BlockHash!.Value.ToString(), H = tx.Height, Bt = tx.BlockTime, I = tx.BlockIndex });

    public void Disconnected(UInt256 hash, int height, UInt256 parentHash) =>
        Append(new Record { K = "disc", B = hash.ToString(), H = height, P = parentHash.ToString() });

    public void TipMoved(UInt256 hash, int height) => Append(new Record { K = "tip", B = hash.ToString(), H = height });

    public void Cleared() => Append(new Record { K = "clear" });

    public void Dispose()
    {
        Commit();
        _stream?.Dispose();
        _stream = null;
        if (_ledger.Journal == this) _ledger.Journal = null;
    }

    private void Append(Record record)
    {
        JsonSerializer.Serialize(_pending, record, RecordJson.Default.Record);
        _pending.WriteByte((byte)'\n');
        _appended++;
    }

    private void Replay()
    {
        var lines = File.ReadAllLines(_path, Encoding.UTF8);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            if (!TryApply(lines[i]))
            {
                DroppedRecords = lines.Length - i;
                return;
            }
        }
    }

    private bool TryApply(string line)
    {
        Record? r;
        try
        {
            r = JsonSerializer.Deserialize(line, RecordJson.Default.Record);
        }
        catch (JsonException)
        {
            return false;
        }
        if (r is null) return false;
        switch (r.K)
        {
            case "tx" when r.Tx is not null && Transaction.TryParseHex(r.Tx, out var tx, out _):
                _ledger.Restore(tx, r.T, r.M);
                return true;
            case "conf" when UInt256.TryParse(r.Id, out var txid) && UInt256.TryParse(r.B, out var block):
                _ledger.RestoreConfirmation(txid, block, r.H, r.Bt, r.I);
                return true;
            case "disc" when UInt256.TryParse(r.B, out var hash) && UInt256.TryParse(r.P, out var parent):
                _ledger.DisconnectBlock(hash, r.H, parent);
                return true;
            case "tip" when UInt256.TryParse(r.B, out var tip):
                _ledger.RestoreTip(tip, r.H);
                return true;
            case "clear":
                _ledger.ClearConfirmations();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Rewrites the journal as the ledger's current state: temporary file (0600), fsync, atomic rename.</summary>
    private void Compact()
    {
        _stream?.Dispose();
        _pending.SetLength(0);
        var temporary = _path + ".tmp";
        File.Delete(temporary);   // a leftover of a crash: created afresh, so with mode 0600
        using (var file = new FileStream(temporary, CreateOptions(FileMode.Create)))
        {
            foreach (var tx in _ledger.Transactions)
            {
                Added(tx);
                if (tx.IsConfirmed) Confirmed(tx);
            }
            if (_ledger.TipHeight >= 0) TipMoved(_ledger.TipHash, _ledger.TipHeight);
            _pending.Position = 0;
            _pending.CopyTo(file);
            _pending.SetLength(0);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, _path, overwrite: true);
        _stream = new FileStream(_path, CreateOptions(FileMode.Append));
        _appended = 0;
    }

    private static FileStreamOptions CreateOptions(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    /// <summary>One journal line; short names keep the file small.</summary>
    private sealed class Record
    {
        public string K { get; set; } = "";
        public string? Tx { get; set; }
        public long T { get; set; }
        public bool M { get; set; }
        public string? Id { get; set; }
        public string? B { get; set; }
        public string? P { get; set; }
        public int H { get; set; }
        public uint Bt { get; set; }
        public int I { get; set; }
    }

    /// <summary>Source-generated (no reflection: the node is published as NativeAOT).</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
    [JsonSerializable(typeof(Record))]
    private sealed partial class RecordJson : JsonSerializerContext;
}
