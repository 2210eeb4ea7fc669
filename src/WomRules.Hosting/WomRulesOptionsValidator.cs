using Microsoft.Extensions.Options;

namespace WomRules.Hosting;

/// <summary>The shape of the options, checked at start-up (ValidateOnStart); the campaigns themselves are compiled when the runtime starts.</summary>
internal sealed class WomRulesOptionsValidator : IValidateOptions<WomRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, WomRulesOptions options)
    {
        var failures = new List<string>();
        if (options.Campaigns.Count == 0)
        {
            failures.Add("WomRules: no campaign is configured (add one with AddCampaignFile, AddCampaignText or WomRules:Campaigns).");
        }

        for (var i = 0; i < options.Campaigns.Count; i++)
        {
            var source = options.Campaigns[i];
            if (string.IsNullOrWhiteSpace(source.Path) == string.IsNullOrWhiteSpace(source.Text))
            {
                failures.Add($"WomRules:Campaigns:{i}: give exactly one of Path and Text.");
            }
        }

        if (options.Store == WomRulesStoreKind.Sqlite && string.IsNullOrWhiteSpace(options.SqliteDirectory))
        {
            failures.Add("WomRules:SqliteDirectory: the SQLite store needs a folder for its databases.");
        }

        if (options.ReloadDelay < TimeSpan.Zero || options.ReloadDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("WomRules:ReloadDelay: must be between 0 and 1 minute.");
        }

        if (options.MaxBatchEvents is < 1 or > 1_000_000)
        {
            failures.Add("WomRules:MaxBatchEvents: must be between 1 and 1,000,000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
