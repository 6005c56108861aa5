import ActorGraphCore
import Foundation
import Yams

/// A graph read from a file, with the warnings found on the way.
public struct LoadedGraph: Sendable {
    public var graph: ActorGraph
    public var warnings: [Diagnostic]
    /// The folder document paths are resolved against.
    public var corpusDirectory: URL?

    public init(graph: ActorGraph, warnings: [Diagnostic], corpusDirectory: URL?) {
        self.graph = graph
        self.warnings = warnings
        self.corpusDirectory = corpusDirectory
    }
}

/// Reads graph files (YAML, or JSON with the same schema) and checks them.
///
/// Reading reports every problem it finds, not only the first: syntax errors, unknown keys, wrong
/// types, missing keys, unknown kinds, types and modalities, invalid dates and weights (while
/// decoding); then every violation of ``ActorGraph/validate(options:)`` (duplicate ids, unknown
/// references, `until` before `date`, `memberOf` cycles, country codes, empty values, blank
/// quotes; self-relations and missing evidence as warnings) and of ``CorpusCheck`` (document paths
/// outside the corpus folder, unreadable documents, quotes not in their document), each at its
/// place. The schema is documented in docs/FORMAT.md.
public enum GraphFileReader {
    public struct Options: Sendable {
        /// Read each cited document and check that every quote occurs in it.
        public var verifyEvidence: Bool
        public init(verifyEvidence: Bool = true) { self.verifyEvidence = verifyEvidence }
    }

    /// Reads and checks the graph file at `url`.
    ///
    /// - Parameters:
    ///   - url: The graph file: `.yaml`, `.yml` or `.json`. Document paths resolve against its
    ///     folder, or against the folder its `corpus` names.
    ///   - displayPath: How the file is named in diagnostics (default: the path as given).
    ///   - options: Whether to read each cited document and check that every quote occurs in it
    ///     (the default).
    /// - Throws: ``DiagnosticsError`` with every error and warning when there is at least one error.
    public static func read(contentsOf url: URL, displayPath: String? = nil,
                            options: Options = Options()) throws -> LoadedGraph {
        let name = displayPath ?? url.relativePath
        // Size checked before reading; a FIFO or device is read only up to the limit.
        let bytes = try InputLimits.graphFile.read(path: url.path, file: name)
        return try parse(bytes: bytes, file: name, baseDirectory: url.deletingLastPathComponent(),
                         options: options)
    }

    /// Parses and checks graph text. `baseDirectory` is the folder of the graph file; without one,
    /// document paths and quotes are not checked against the file system.
    public static func parse(bytes: [UInt8], file: String, baseDirectory: URL?,
                             options: Options = Options()) throws -> LoadedGraph {
        try parse(bytes: bytes, file: file, baseDirectory: baseDirectory, options: options, fastJSON: true,
                  quickKeys: true)
    }

    /// `fastJSON: false` reads JSON through Yams too, `quickKeys: false` composes with Yams'
    /// default resolver only (``YAMLTree/compose(_:quickKeys:)``): both false is the reader as it
    /// was, which tests compare the shortcuts with.
    static func parse(bytes: [UInt8], file: String, baseDirectory: URL?, options: Options,
                      fastJSON: Bool, quickKeys: Bool) throws -> LoadedGraph {
        func fail(_ message: String, at place: SourcePlace?) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(file: file, line: place?.line, column: place?.column, message: message)])
        }
        try InputLimits.graphFile.check(bytes, file: file)
        // Clean JSON takes the fast path, which gives up (nil) on any doubt (docs/DECISIONS.md).
        if fastJSON, let loaded = try FastJSONGraphReader.read(bytes: bytes, file: file, baseDirectory: baseDirectory,
                                                     options: options) {
            return loaded
        }
        let text: String
        switch TextInput.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(.invalidUTF8(let place)):
            throw fail("the file is not UTF-8 text (invalid byte sequence)", at: place)
        }
        let root: Yams.Node
        switch YAMLTree.parse(text, quickKeys: quickKeys) {
        case .empty: throw fail("the file is empty; expected a mapping with 'actors' and 'relations'", at: nil)
        case .failed(let message, let place): throw fail(message, at: place)
        case .tree(let tree): root = tree.root
        }
        var decoder = GraphDecoder(file: file)
        let graph = decoder.decode(root)
        try InputLimits.graphFile.check(graph, file: file)
        decoder.nodes.file = file
        decoder.map.locator = decoder.nodes.locate
        let corpus = baseDirectory.map { CorpusCheck.corpusDirectory(for: graph, baseDirectory: $0) }
        let files = corpus.map { CorpusCheck.violations(of: graph, corpus: $0, verifyQuotes: options.verifyEvidence) }
        let warnings = try decoder.map.diagnostics(validating: graph, options: ValidationOptions(warnsWithoutEvidence: true),
                                                   extra: files ?? []).throwingErrors()
        return LoadedGraph(graph: graph, warnings: warnings, corpusDirectory: corpus)
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if let error = error as? CocoaError {
            switch error.code {
            case .fileReadNoSuchFile: return "no such file"
            case .fileReadNoPermission: return "permission denied"
            default: break
            }
        }
        return error.localizedDescription
    }
}
