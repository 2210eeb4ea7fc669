namespace WomRules.Cli;

/// <summary>The exit codes of spec §5.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int CampaignHasErrors = 1;
    public const int BadUsage = 2;
}
