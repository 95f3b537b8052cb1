using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Grpc.Core;
using static Drivechain.Node.Grpc.GrpcFields;

namespace Drivechain.Node.Grpc.Services;

public sealed partial class ValidatorGrpcService
{
    public override async Task<GetSidechainsResponse> GetSidechains(GetSidechainsRequest request, ServerCallContext context)
    {
        var response = new GetSidechainsResponse();
        foreach (var s in (await chain.GetTipAsync(context.CancellationToken)).State.ActiveSidechains)
            response.Sidechains.Add(new GetSidechainsResponse.Types.SidechainInfo
            {
                SidechainNumber = s.Slot,
                Description = GrpcMessages.ConsensusVarBytes(s.Description.AsSpan()),
                VoteCount = s.Acks,
                ProposalHeight = (uint)s.ProposalHeight,
                ActivationHeight = (uint)s.ActivationHeight,
                Declaration = GrpcMessages.Declaration(s.Description),
            });
        return response;
    }

    public override async Task<GetSidechainProposalsResponse> GetSidechainProposals(GetSidechainProposalsRequest request, ServerCallContext context)
    {
        var tip = await chain.GetTipAsync(context.CancellationToken);
        var height = tip.Header.Height;
        var response = new GetSidechainProposalsResponse();
        foreach (var p in tip.State.Proposals)
            response.SidechainProposals.Add(new GetSidechainProposalsResponse.Types.SidechainProposal
            {
                SidechainNumber = p.Slot,
                Description = GrpcMessages.ConsensusVarBytes(p.Description.AsSpan()),
                Declaration = GrpcMessages.Declaration(p.Description),
                DescriptionSha256DHash = GrpcMessages.ReverseHex(p.DescriptionHash),
                VoteCount = p.Acks,
                ProposalHeight = (uint)p.ProposalHeight,
                ProposalAge = (uint)Math.Max(0, height - p.ProposalHeight),
            });
        return response;
    }

    public override async Task<GetWithdrawalBundleProposalsResponse> GetWithdrawalBundleProposals(GetWithdrawalBundleProposalsRequest request, ServerCallContext context)
    {
        var slot = Slot(request.SidechainId, "sidechain_id");
        var response = new GetWithdrawalBundleProposalsResponse();
        foreach (var b in (await chain.GetTipAsync(context.CancellationToken)).State.GetPendingBundles(slot))
            response.Proposals.Add(new GetWithdrawalBundleProposalsResponse.Types.ResponseItem
            {
                M6Id = GrpcMessages.ConsensusHex(b.M6Id.Hash),
                VoteCount = b.Acks,
                ProposalHeight = (uint)b.ProposalHeight,
            });
        return response;
    }

    public override async Task<GetCtipResponse> GetCtip(GetCtipRequest request, ServerCallContext context)
    {
        var slot = Slot(request.SidechainNumber, "sidechain_number");
        var state = (await chain.GetTipAsync(context.CancellationToken)).State;
        var response = new GetCtipResponse();
        if (state.GetCtip(slot) is { } ctip)
            response.Ctip = new GetCtipResponse.Types.Ctip
            {
                Txid = GrpcMessages.ReverseHex(ctip.OutPoint.TxId),
                Vout = ctip.OutPoint.Index,
                Value = (ulong)ctip.Value.Satoshis,
                SequenceNumber = (ulong)(state.GetTreasuryHistory(slot).Count - 1),
            };
        return response;
    }

    /// <summary>
    /// A BIP174 PSBT (version 0) whose unsigned transaction (version 2, no inputs, lock time 0) has one zero-value output
    /// per requested coinbase message, in the order M1s, M2s, M3s, then the M4.
    /// </summary>
    public override Task<GetCoinbasePSBTResponse> GetCoinbasePSBT(GetCoinbasePSBTRequest request, ServerCallContext context)
    {
        var messages = new List<CoinbaseMessage>();
        foreach (var (m1, i) in request.ProposeSidechains.Select((m, i) => (m, i)))
            messages.Add(new M1ProposeSidechain(Slot(m1.SidechainNumber, $"propose_sidechains[{i}].sidechain_number"),
                [.. VarBytes(m1.Data, $"propose_sidechains[{i}].data")]));
        foreach (var (m2, i) in request.AckSidechains.Select((m, i) => (m, i)))
            messages.Add(new M2AckSidechain(Slot(m2.SidechainNumber, $"ack_sidechains[{i}].sidechain_number"),
                new UInt256(Fixed(m2.DataHash, $"ack_sidechains[{i}].data_hash", 32))));
        foreach (var (m3, i) in request.ProposeBundles.Select((m, i) => (m, i)))
            messages.Add(new M3ProposeBundle(Slot(m3.SidechainNumber, $"propose_bundles[{i}].sidechain_number"),
                new M6Id(Hash(m3.BundleTxid, $"propose_bundles[{i}].bundle_txid"))));
        messages.Add(M4(request.AckBundles));
        var outputs = messages.Select(m => new TxOut(Money.Zero, m.ToScript())).ToArray();
        var unsigned = new Transaction(2, [], [.. outputs], 0);
        return Task.FromResult(new GetCoinbasePSBTResponse { Psbt = new() { Hex = Convert.ToHexStringLower(CoinbasePsbt.Create(unsigned)) } });
    }

    private static M4AckBundles M4(GetCoinbasePSBTRequest.Types.AckBundles? ack) => ack?.AckBundlesCase switch
    {
        GetCoinbasePSBTRequest.Types.AckBundles.AckBundlesOneofCase.RepeatPrevious => M4AckBundles.RepeatPrevious(),
        GetCoinbasePSBTRequest.Types.AckBundles.AckBundlesOneofCase.LeadingBy50 => M4AckBundles.UpvoteLeadingBy50(),
        GetCoinbasePSBTRequest.Types.AckBundles.AckBundlesOneofCase.Upvotes => Upvotes(ack.Upvotes.Upvotes_),
        _ => throw Invalid("ack_bundles is required: one of repeat_previous, leading_by_50, upvotes"),
    };

    /// <summary>One byte per vote when every vote fits (0xfe alarm, 0xff abstain), else two bytes (0xfffe, 0xffff).</summary>
    private static M4AckBundles Upvotes(IReadOnlyList<uint> votes)
    {
        if (votes.Any(v => v > ushort.MaxValue)) throw Invalid("ack_bundles.upvotes: a vote is larger than 65535");
        return votes.All(v => v <= byte.MaxValue)
            ? M4AckBundles.OneByte([.. votes.Select(v => (byte)v)])
            : M4AckBundles.TwoBytes([.. votes.Select(v => (ushort)v)]);
    }
}
