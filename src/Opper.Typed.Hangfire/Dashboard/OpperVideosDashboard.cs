using Hangfire;
using Hangfire.Dashboard;

namespace Opper.Typed.Hangfire.Dashboard;

/// <summary>
/// Adds the "Opper videos" page, its menu item, the record's section on a job's page and how a job's history shows its
/// wait to every Hangfire dashboard of the process (Hangfire keeps all four process-wide).
/// </summary>
internal static class OpperVideosDashboard
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        DashboardRoutes.Routes.AddRazorPage(OpperVideosPage.Route, _ => new OpperVideosPage());
        NavigationMenu.Items.Add(page => new MenuItem("Opper videos", page.Url.To(OpperVideosPage.Route))
        {
            Active = page.RequestPath.StartsWith(OpperVideosPage.Route, StringComparison.Ordinal),
        });
        GlobalConfiguration.Configuration.UseJobDetailsRenderer(OpperVideoJobDetails.Order, OpperVideoJobDetails.Render);
        OpperWaitingHistory.Register();
    }
}
