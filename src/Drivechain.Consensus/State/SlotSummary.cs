namespace Drivechain.Consensus.State;

/// <summary>
/// Which slots are active, have proposals, have pending bundles: kept beside the 256 slot records so that the stages that
/// visit "every slot with X" (M4's vote vector, proposal and bundle expiry) walk set bits instead of reading every record.
/// Derived data, never serialized; a draft updates it at each write.
/// </summary>
internal struct SlotSummary
{
    /// <summary>Slots with an active sidechain (ascending: the ASN order of M4 vectors).</summary>
    public SlotSet Active;

    /// <summary>Slots with at least one pending proposal.</summary>
    public SlotSet WithProposals;

    /// <summary>Slots with at least one pending bundle.</summary>
    public SlotSet WithBundles;

    /// <summary>The summary of <paramref name="slots"/> (256 records), by reading each.</summary>
    public static SlotSummary Of(ChunkedArray<SlotState> slots)
    {
        var summary = new SlotSummary();
        foreach (var slot in slots) summary.Update(slot);
        return summary;
    }

    /// <summary>Records the current state of one slot.</summary>
    public void Update(SlotState record)
    {
        Active.Set(record.Slot, record.IsActive);
        WithProposals.Set(record.Slot, !record.Proposals.IsEmpty);
        WithBundles.Set(record.Slot, record.BundleCount > 0);
    }
}
