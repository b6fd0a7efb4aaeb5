namespace Opper.Typed;

/// <summary>
/// What the layers of a chain are made from: the client's settings and the API connection pool. Without dependency
/// injection the client makes one; with it, the container's singletons are. A layer that needs more shared state gets
/// it here, so both paths supply it the same way.
/// </summary>
internal sealed record ChainContext(ClientSettings Settings, ApiConnections Connections);
