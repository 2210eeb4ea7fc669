using Microsoft.Extensions.Logging;

namespace WomRules.Hosting;

/// <summary>
/// The hosting layer's log messages, with stable event ids in the block 1000–1099 (listed in docs/hosting.md) and
/// structured fields named alike everywhere: CampaignId, Revision, EventId, Reason, Rule.
/// </summary>
internal static partial class WomRulesLog
{
    [LoggerMessage(EventId = 1000, EventName = "CampaignLoaded", Level = LogLevel.Information,
        Message = "Campaign {CampaignId} loaded from {Source}: revision {Revision}, content hash {ContentHash}")]
    public static partial void CampaignLoaded(ILogger logger, string campaignId, string source, long revision, string contentHash);

    [LoggerMessage(EventId = 1001, EventName = "CampaignDiagnostic", Level = LogLevel.Error,
        Message = "{Diagnostic}")]
    public static partial void StartupDiagnostic(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 1002, EventName = "StartupFailed", Level = LogLevel.Critical,
        Message = "WomRules cannot start: {Reason}")]
    public static partial void StartupFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1003, EventName = "CampaignWarning", Level = LogLevel.Warning,
        Message = "{Diagnostic}")]
    public static partial void CampaignWarning(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 1010, EventName = "EventRejected", Level = LogLevel.Debug,
        Message = "Campaign {CampaignId} revision {Revision} rejected event {EventId}: {Reason}")]
    public static partial void EventRejected(ILogger logger, string campaignId, long revision, string? eventId, string reason);

    [LoggerMessage(EventId = 1011, EventName = "BudgetExhausted", Level = LogLevel.Warning,
        Message = "Campaign {CampaignId} revision {Revision}: rule {Rule} skipped for {Participant} on event {EventId}: the budget is spent")]
    public static partial void BudgetExhausted(ILogger logger, string campaignId, long revision, string rule, string participant, string? eventId);

    [LoggerMessage(EventId = 1020, EventName = "CampaignReloaded", Level = LogLevel.Information,
        Message = "Campaign {CampaignId} reloaded from {Source}: revision {Revision} (content hash {ContentHash}) replaces revision {PreviousRevision}")]
    public static partial void CampaignReloaded(ILogger logger, string campaignId, string source, long revision, string contentHash, long previousRevision);

    [LoggerMessage(EventId = 1021, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "Campaign {CampaignId}: the edit of {Source} is not used, revision {Revision} keeps running: {Reason}")]
    public static partial void ReloadFailed(ILogger logger, string campaignId, string source, long revision, string reason);

    [LoggerMessage(EventId = 1022, EventName = "ReloadDiagnostic", Level = LogLevel.Warning,
        Message = "{Diagnostic}")]
    public static partial void ReloadDiagnostic(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 1023, EventName = "HotReloadUnavailable", Level = LogLevel.Warning,
        Message = "Campaign {CampaignId}: {Source} cannot be watched, so edits are not reloaded (ReloadAsync still works): {Reason}")]
    public static partial void HotReloadUnavailable(ILogger logger, string campaignId, string source, string reason);

    [LoggerMessage(EventId = 1030, EventName = "StoreFailed", Level = LogLevel.Error,
        Message = "Campaign {CampaignId} revision {Revision}: the store failed; nothing of the request was applied")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string campaignId, long revision);
}
