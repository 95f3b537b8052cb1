using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Grpc;

/// <summary>The minimal BIP174 PSBT of an unsigned transaction: the global unsigned-tx entry, then empty maps.</summary>
public static class CoinbasePsbt
{
    private static ReadOnlySpan<byte> Magic => [0x70, 0x73, 0x62, 0x74, 0xff];   // "psbt" 0xff

    /// <summary>
    /// magic ‖ global map { 0x00 → the transaction without witnesses } ‖ one empty map per input and per output.
    /// </summary>
    public static byte[] Create(Transaction unsigned)
    {
        var tx = unsigned.ToBytes(withWitness: false);
        var length = Bitcoin.Serialization.BitcoinWriter.CompactSizeLength((ulong)tx.Length);
        var bytes = new byte[Magic.Length + 2 + length + tx.Length + 1 + unsigned.Inputs.Length + unsigned.Outputs.Length];
        var writer = new Bitcoin.Serialization.BitcoinWriter(bytes);
        writer.WriteBytes(Magic);
        writer.WriteCompactSize(1);              // key length
        writer.WriteByte(0x00);                  // PSBT_GLOBAL_UNSIGNED_TX
        writer.WriteVarBytes(tx);
        writer.WriteByte(0x00);                  // end of the global map; every input and output map is empty
        return bytes;
    }
}
