namespace Opper.Typed.Tests.Hosting;

/// <summary>
/// The test classes that host the ASP.NET Core sample, run one after another: WebApplicationFactory intercepts a
/// minimal-hosting Program through a process-wide DiagnosticListener while its Main runs, so one factory at a time keeps
/// each test's host its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AspNetCoreSampleHosts
{
    public const string Name = "ASP.NET Core sample hosts";
}
