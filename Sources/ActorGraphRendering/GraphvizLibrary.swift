import CGraphviz
import Synchronization

/// The installed Graphviz library. Every call into it goes through ``GraphvizLibrary/lock``:
/// libcgraph and libgvc are not thread-safe.
public enum GraphvizLibrary {
    static let lock = Mutex<Void>(())

    /// The version the linked libgvc reports, e.g. "2.43.0".
    public static var version: String {
        lock.withLock { _ in
            guard let text = gvcVersion(nil) else { return "unknown" }
            return String(cString: text)
        }
    }
}
