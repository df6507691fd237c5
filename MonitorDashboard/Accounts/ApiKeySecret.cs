using System.Security.Cryptography;
using System.Text;

namespace MonitorDashboard.Accounts;

/// <summary>
/// API key secrets: 32 random bytes, so a plain SHA-256 is a safe verifier (a slow password hash is only
/// needed for guessable secrets) and lets every request find its key with one indexed lookup.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "mdk_";
    public const int PrefixLength = 12;

    public static string Generate() =>
        Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string PrefixOf(string secret) => secret.Length <= PrefixLength ? secret : secret[..PrefixLength];
}
