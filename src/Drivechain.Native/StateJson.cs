using System.Text;
using System.Text.Json;
using Drivechain.Consensus.State;

namespace Drivechain.Native;

/// <summary>dc_state_json: digest, active sidechains with their CTIPs, and pending bundle counts.</summary>
internal static class StateJson
{
    public static string Write(DrivechainState state)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("digest", state.ComputeDigest().ToString());
            json.WriteNumber("activeSidechainCount", state.ActiveSlotCount);
            json.WriteStartArray("sidechains");
            foreach (var sidechain in state.ActiveSidechains)
            {
                json.WriteStartObject();
                json.WriteNumber("slot", sidechain.Slot);
                json.WriteString("descriptionHash", sidechain.DescriptionHash.ToString());
                json.WriteNumber("activationHeight", sidechain.ActivationHeight);
                if (state.GetCtip(sidechain.Slot) is { } ctip)
                {
                    json.WriteString("ctipTxid", ctip.OutPoint.TxId.ToString());
                    json.WriteNumber("ctipVout", ctip.OutPoint.Index);
                    json.WriteNumber("ctipValue", ctip.Value.Satoshis);
                }
                json.WriteNumber("pendingBundles", state.GetPendingBundles(sidechain.Slot).Length);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
