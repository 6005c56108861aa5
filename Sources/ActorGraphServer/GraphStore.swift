import ActorGraphCore
import ActorGraphFormats
import Foundation
import Synchronization

/// The graph a server shows, read from its file and read again when the file's modification
/// time or size changes (``reloadIfChanged()``, polled by the server). A file that fails to read
/// leaves the last good graph in place and the error on show (``Snapshot/error``).
public final class GraphStore: Sendable {
    public struct Snapshot: Sendable {
        public var graph: ActorGraph
        /// Folder of the cited documents (the graph's corpus), resolved.
        public var corpus: URL?
        /// Goes up by one at each successful reload.
        public var version: Int
        /// Why the latest read failed, when it did.
        public var error: String?
    }

    public let url: URL
    let verifyEvidence: Bool
    private let state: Mutex<(snapshot: Snapshot, stamp: FileStamp?)>

    /// Reads the file; throws when the first read fails.
    public init(url: URL, verifyEvidence: Bool = true) throws {
        self.url = url
        self.verifyEvidence = verifyEvidence
        let stamp = FileStamp(url)
        let loaded = try GraphStore.read(url, verifyEvidence: verifyEvidence)
        state = Mutex((Snapshot(graph: loaded.graph, corpus: loaded.corpusDirectory, version: 1, error: nil), stamp))
    }

    /// A store over a graph in memory (tests).
    public init(graph: ActorGraph, corpus: URL?, url: URL) {
        self.url = url
        verifyEvidence = false
        state = Mutex((Snapshot(graph: graph, corpus: corpus, version: 1, error: nil), FileStamp(url)))
    }

    public var snapshot: Snapshot { state.withLock { $0.snapshot } }

    /// Reads the file again if its modification time or size changed; returns whether the graph changed.
    @discardableResult
    public func reloadIfChanged() -> Bool {
        let stamp = FileStamp(url)
        guard state.withLock({ $0.stamp != stamp }) else { return false }
        do {
            let loaded = try GraphStore.read(url, verifyEvidence: verifyEvidence)
            state.withLock {
                $0.snapshot = Snapshot(graph: loaded.graph, corpus: loaded.corpusDirectory,
                                       version: $0.snapshot.version + 1, error: nil)
                $0.stamp = stamp
            }
            return true
        } catch {
            state.withLock {
                $0.snapshot.error = "\(error)"
                $0.stamp = stamp
            }
            return false
        }
    }

    static func read(_ url: URL, verifyEvidence: Bool) throws -> LoadedGraph {
        try GraphFileReader.read(contentsOf: url, displayPath: url.path, options: .init(verifyEvidence: verifyEvidence))
    }
}

/// A file's modification time and size: what the poll compares.
struct FileStamp: Sendable, Equatable {
    var modified: Date
    var size: Int

    init?(_ url: URL) {
        guard let a = try? FileManager.default.attributesOfItem(atPath: url.path),
              let m = a[.modificationDate] as? Date else { return nil }
        modified = m
        size = (a[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// Reads a cited document's text from a corpus folder, and nothing outside it: the document must
/// be one the graph lists, and its path, with symbolic links resolved, must lie inside the
/// corpus folder (also resolved).
public enum CorpusFiles {
    public static let maxBytes = 4 << 20

    public enum Failure: Error, Equatable { case unknown, outside, unreadable, tooLarge }

    public static func text(of document: DocumentID, in graph: ActorGraph, corpus: URL?) throws(Failure) -> (Document, String) {
        guard let doc = graph.document(document), let corpus else { throw .unknown }
        let root = corpus.resolvingSymlinksInPath().standardizedFileURL.path
        let file = corpus.appendingPathComponent(doc.path).resolvingSymlinksInPath().standardizedFileURL.path
        guard file.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { throw .outside }
        guard let a = try? FileManager.default.attributesOfItem(atPath: file) else { throw .unreadable }
        if ((a[.size] as? NSNumber)?.intValue ?? 0) > maxBytes { throw .tooLarge }
        guard let data = FileManager.default.contents(atPath: file) else { throw .unreadable }
        return (doc, String(decoding: data, as: UTF8.self))
    }
}
