import CGraphviz
import Synchronization

/// The installed Graphviz library. libcgraph and libgvc are not thread-safe, so one process-wide
/// lock owns the one long-lived GVC context, and every Graphviz call runs inside
/// ``withContext(_:)``. No Graphviz pointer leaves it; only value types go in and out.
public enum GraphvizLibrary {
    /// Owns the GVC context. Creating contexts outside the lock corrupted plugin loading in the
    /// binding spike, and each `gvContext()` leaks ~3.7 KB in Graphviz 2.42: one context, ever.
    private static let context = Mutex<Handle?>(nil)

    /// The context pointer, only ever touched while the lock is held.
    private struct Handle: @unchecked Sendable { let gvc: OpaquePointer }

    /// Runs `body` with exclusive access to the GVC context, creating it on first use.
    /// Not re-entrant: `body` must not call back into `GraphvizLibrary`.
    static func withContext<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        try context.withLock { handle in
            if handle == nil, let gvc = gvContext() { handle = Handle(gvc: gvc) }
            return try body(handle!.gvc)
        }
    }

    /// The version the linked libgvc reports, e.g. "2.43.0".
    public static var version: String {
        withContext { gvc in
            guard let text = gvcVersion(gvc) else { return "unknown" }
            return String(cString: text)
        }
    }
}
