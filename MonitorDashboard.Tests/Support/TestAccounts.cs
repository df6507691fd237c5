namespace MonitorDashboard.Tests.Support;

/// <summary>Credentials the test apps are started with (Auth:BootstrapApiKey and Auth:BootstrapAdminPassword).</summary>
public static class TestAccounts
{
    public const string AdminKey = "mdk_test-admin-key-for-integration-tests";
    public const string AdminUser = "admin";
    public const string AdminPassword = "Admin-Pass-123!";
}
