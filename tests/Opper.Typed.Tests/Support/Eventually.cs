namespace Opper.Typed.Tests.Support;

/// <summary>
/// Waits for something a server records on its own schedule (a request it logs only when the client has gone), so a
/// test asserts what happened, not how fast a loaded machine got there. Bounded at 5 s.
/// </summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the condition did not come true within 5 s");
    }
}
