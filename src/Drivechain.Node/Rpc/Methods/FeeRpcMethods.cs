using System.Text.Json.Nodes;
using Drivechain.Node.Mempool;
using Drivechain.Node.Mempool.FeeEstimation;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>Fee estimation RPCs over <see cref="FeeEstimatorService"/>: estimatesmartfee and estimaterawfee, Core's shapes.</summary>
public sealed class FeeRpcMethods(FeeEstimatorService fees) : IRpcMethodProvider
{
    private const string NoFeeRate = "Insufficient data or no feerate found";

    public IEnumerable<RpcMethod> GetMethods()
    {
        yield return new RpcMethod("estimatesmartfee", "Util",
            [RpcArg.Req("conf_target", RpcArgType.Number, "Confirmation target in blocks (1 - 1008)"),
             RpcArg.Opt("estimate_mode", RpcArgType.String, "The fee estimate mode: unset, economical, conservative. unset means the default (economical).", "economical")],
            "Estimates the approximate fee per kilobyte needed for a transaction to begin confirmation within conf_target blocks if possible " +
            "and return the number of blocks for which the estimate is valid. Uses virtual transaction size as defined in BIP 141.",
            "{ \"feerate\" (BTC/kvB, only without errors), \"errors\": [ \"str\" ], \"blocks\" }",
            (call, _) => ValueTask.FromResult<JsonNode?>(EstimateSmartFee(call)));
        yield return new RpcMethod("estimaterawfee", "Hidden",
            [RpcArg.Req("conf_target", RpcArgType.Number, "Confirmation target in blocks (1 - 1008)"),
             RpcArg.Opt("threshold", RpcArgType.Number, "The proportion of transactions in a given feerate range that must have been confirmed within conf_target", "0.95")],
            "WARNING: This interface is unstable and may disappear or change! Estimates the fee per kilobyte needed for a transaction to begin " +
            "confirmation within conf_target blocks, for each time horizon (short, medium, long) that reaches the target.",
            "{ \"short\": { \"feerate\", \"decay\", \"scale\", \"pass\": {...}, \"fail\": {...}, \"errors\" }, \"medium\": {...}, \"long\": {...} }",
            (call, _) => ValueTask.FromResult<JsonNode?>(EstimateRawFee(call)));
    }

    private JsonObject EstimateSmartFee(RpcCall call)
    {
        var target = ConfTarget(call);
        var conservative = call.Params.GetOptionalString("estimate_mode")?.ToLowerInvariant() switch
        {
            null or "unset" or "economical" => false,
            "conservative" => true,
            _ => throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid estimate_mode parameter, must be one of: \"unset\", \"economical\", \"conservative\""),
        };
        var estimate = fees.Estimator.EstimateSmartFee(target, conservative);
        var result = new JsonObject();
        if (estimate.Found)
            result["feerate"] = RpcAmount.ToJson(Math.Max(estimate.FeeRatePerKvB, StandardPolicy.MinRelayFeePerKvB));
        else
            result["errors"] = new JsonArray(NoFeeRate);
        result["blocks"] = estimate.ReturnedTarget;
        return result;
    }

    private JsonObject EstimateRawFee(RpcCall call)
    {
        var target = ConfTarget(call);
        var threshold = call.Params["threshold"] is { } t ? t.GetValue<double>() : 0.95;
        if (threshold is < 0 or > 1) throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid threshold");
        var result = new JsonObject();
        foreach (var horizon in Enum.GetValues<FeeEstimateHorizon>())
        {
            if (!fees.Estimator.TryEstimateRawFee(target, threshold, horizon, out var feeRate, out var buckets)) continue;
            var json = new JsonObject();
            if (feeRate > 0) json["feerate"] = RpcAmount.ToJson(feeRate);
            json["decay"] = buckets.Decay;
            json["scale"] = buckets.Scale;
            if (feeRate > 0) json["pass"] = Bucket(buckets.Pass);
            // A fail start of -1: every bucket passed, there is no failing range to show.
            if (feeRate == 0 || buckets.Fail.Start != -1) json["fail"] = Bucket(buckets.Fail);
            if (feeRate == 0) json["errors"] = new JsonArray("Insufficient data or no feerate found which meets threshold");
            result[horizon.ToString().ToLowerInvariant()] = json;
        }
        return result;
    }

    private int ConfTarget(RpcCall call)
    {
        var target = call.Params.GetInt64("conf_target");
        if (target < 1 || target > fees.Estimator.MaxTarget)
            throw new RpcException(RpcErrorCode.InvalidParameter, $"Invalid conf_target, must be between 1 and {fees.Estimator.MaxTarget}");
        return (int)target;
    }

    private static JsonObject Bucket(EstimatorBucket bucket) => new()
    {
        ["startrange"] = Math.Round(bucket.Start),
        ["endrange"] = Math.Round(bucket.End),
        ["withintarget"] = Math.Round(bucket.WithinTarget * 100) / 100,
        ["totalconfirmed"] = Math.Round(bucket.TotalConfirmed * 100) / 100,
        ["inmempool"] = Math.Round(bucket.InMempool * 100) / 100,
        ["leftmempool"] = Math.Round(bucket.LeftMempool * 100) / 100,
    };
}
