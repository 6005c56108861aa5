import CGraphviz
import Foundation
import Synchronization

/// The installed Graphviz library. libcgraph and libgvc are not thread-safe, so one process-wide
/// lock owns the one long-lived GVC context, and every Graphviz call runs inside
/// its internal `withContext(_:)`. No Graphviz pointer leaves it; only value types go in and out.
public enum GraphvizLibrary {
    /// Owns the GVC context. Creating contexts outside the lock corrupted plugin loading in the
    /// binding spike, and each `gvContext()` leaks ~3.7 KB in Graphviz 2.42: one context, ever.
    private static let context = Mutex<Handle?>(nil)

    /// The context pointer, only ever touched while the lock is held.
    private struct Handle: @unchecked Sendable { let gvc: OpaquePointer }

    /// Messages Graphviz reported through the error callback since the last reset.
    fileprivate static let messages = Mutex<String>("")

    /// Runs `body` with exclusive access to the GVC context, creating it on first use.
    /// Not re-entrant: `body` must not call back into `GraphvizLibrary`.
    static func withContext<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        try context.withLock { handle in
            if handle == nil {
                // Route every message to our sink before Graphviz can print anything.
                _ = agseterrf(graphvizMessageSink)
                if let gvc = gvContext() { handle = Handle(gvc: gvc) }
            }
            return try body(handle!.gvc)
        }
    }

    /// Clears Graphviz's error count and our captured text. Call inside ``withContext(_:)``
    /// before each operation whose errors are reported.
    static func resetMessages() {
        _ = agreseterrors()
        messages.withLock { $0 = "" }
    }

    /// The text captured since ``resetMessages()``, split into lines.
    static func takeMessages() -> [String] {
        messages.withLock { text in
            defer { text = "" }
            return text.split(whereSeparator: \.isNewline).map { String($0) }.filter { !$0.isEmpty }
        }
    }

    /// The version the linked libgvc reports, e.g. "2.43.0".
    public static var version: String {
        withContext { gvc in
            guard let text = gvcVersion(gvc) else { return "unknown" }
            return String(cString: text)
        }
    }

    /// Plugin lists already asked for: `gvPluginList` leaks inside Graphviz 2.42 on every call,
    /// and the installed plugins do not change while the process runs. Only touched under the lock.
    nonisolated(unsafe) private static var pluginCache: [String: [String]] = [:]

    /// Plugins of a kind ("layout", "device", "render"…), as Graphviz names them, without the
    /// `:plugin` suffix, sorted and unique. Call inside ``withContext(_:)``.
    static func plugins(kind: String, gvc: OpaquePointer) -> [String] {
        if let cached = pluginCache[kind] { return cached }
        let list = listPlugins(kind: kind, gvc: gvc)
        pluginCache[kind] = list
        return list
    }

    private static func listPlugins(kind: String, gvc: OpaquePointer) -> [String] {
        var count: Int32 = 0
        var kindName = Array(kind.utf8CString)
        guard let list = kindName.withUnsafeMutableBufferPointer({ gvPluginList(gvc, $0.baseAddress, &count, nil) })
        else { return [] }
        var names = Set<String>()
        for i in 0..<Int(count) {
            if let item = list[i] {
                names.insert(String(String(cString: item).split(separator: ":").first ?? ""))
                free(item)
            }
        }
        free(list)
        return names.filter { !$0.isEmpty }.sorted()
    }

    /// The layout engines the installed Graphviz offers (e.g. dot, neato, sfdp).
    public static var availableEngines: [String] { withContext { plugins(kind: "layout", gvc: $0) } }

    /// The output formats the installed Graphviz can render (e.g. svg, png, pdf, json, dot).
    public static var availableFormats: [String] { withContext { plugins(kind: "device", gvc: $0) } }
}

/// Receives every message Graphviz would print (the text may arrive in pieces).
private let graphvizMessageSink: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
    guard let text else { return 0 }
    let piece = String(cString: text)
    GraphvizLibrary.messages.withLock { $0 += piece }
    return 0
}
