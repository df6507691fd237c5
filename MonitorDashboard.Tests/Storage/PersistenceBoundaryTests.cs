using System.Text.RegularExpressions;

namespace MonitorDashboard.Tests.Storage;

/// <summary>
/// Storage/ owns every query (issue 18): outside it, and outside Hosting/ (which only registers the context), no
/// source file names the DbContext or a connection, or holds SQL text. The grep runs over the source tree, so it stays true.
/// </summary>
public sealed partial class PersistenceBoundaryTests
{
    private static readonly string[] Allowed = ["Storage", "Hosting", "bin", "obj"];

    [GeneratedRegex("""MonitorDbContext|CreateDbContext|DbContext\b|DbSet<|SqliteCommand|SqliteConnection|SqliteParameter|SqlRunner|NativeStatement|NpgsqlCommand|NpgsqlConnection\b|ExecuteSql|FromSql|SqlQuery|\b(SELECT|INSERT INTO|INSERT OR|DELETE FROM|PRAGMA|CREATE TABLE)\b|\bUPDATE\s+"?\w+"?\s+SET\b""")]
    private static partial Regex PersistenceText();

    [Fact]
    public void SourceTree_OutsideStorage_HasNoSqlNorDbContext()
    {
        var app = Path.Combine(RepositoryRoot(), "MonitorDashboard");
        var files = Directory.EnumerateFiles(app, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !Allowed.Contains(Path.GetRelativePath(app, f).Split(Path.DirectorySeparatorChar)[0]))
            .ToList();

        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(app, f), Line: i + 1, Text: line.Trim())))
            .Where(l => PersistenceText().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.NotEmpty(files);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Pattern_SqlAndContextOutsideStorage_AreCaught()
    {
        Assert.Matches(PersistenceText(), "UPDATE Predictions SET LeaseOwner = $me");
        Assert.Matches(PersistenceText(), "await using var db = await factory.CreateDbContextAsync(ct);");
        Assert.DoesNotMatch(PersistenceText(), "Select the model to update its settings.");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MonitorDashboard.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException($"MonitorDashboard.sln not found above {AppContext.BaseDirectory}");
    }
}
