using System.Text;
using System.Text.Json;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;

namespace Drivechain.Native;

/// <summary>dc_decode_message: the drivechain message a script carries, as JSON ({"type":"none"} for anything else).</summary>
internal static class MessageJson
{
    public static string Write(byte[] script)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (M8BmmRequest.TryParse(script, out var m8))
            {
                json.WriteString("type", "M8");
                json.WriteNumber("slot", m8.Slot);
                json.WriteString("sidechainBlockHash", m8.SidechainBlockHash.ToInternalHex());   // h* is raw bytes (spec §2.4), as decode and the RPC show it
                json.WriteString("prevMainchainBlockHash", m8.PreviousMainchainBlockHash.ToString());
            }
            else if (CoinbaseMessage.TryParse(new Script(script), out var message))
            {
                switch (message)
                {
                    case M1ProposeSidechain m1:
                        json.WriteString("type", "M1");
                        json.WriteNumber("slot", m1.Slot);
                        json.WriteString("descriptionHash", m1.DescriptionHash.ToString());
                        json.WriteString("description", Convert.ToHexStringLower(m1.Description.AsSpan()));
                        break;
                    case M2AckSidechain m2:
                        json.WriteString("type", "M2");
                        json.WriteNumber("slot", m2.Slot);
                        json.WriteString("descriptionHash", m2.DescriptionHash.ToString());
                        break;
                    case M3ProposeBundle m3:
                        json.WriteString("type", "M3");
                        json.WriteNumber("slot", m3.Slot);
                        json.WriteString("m6id", m3.M6Id.ToString());
                        break;
                    case M4AckBundles:
                        json.WriteString("type", "M4");
                        json.WriteString("payload", Convert.ToHexStringLower(message.ToPayload()));
                        break;
                    case M7BmmAccept m7:
                        json.WriteString("type", "M7");
                        json.WriteNumber("slot", m7.Slot);
                        json.WriteString("sidechainBlockHash", m7.SidechainBlockHash.ToInternalHex());
                        break;
                    default:
                        json.WriteString("type", message.GetType().Name);
                        break;
                }
            }
            else
            {
                json.WriteString("type", "none");
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
