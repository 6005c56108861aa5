import ActorGraphCore
import Foundation

/// What every reader accepts at most, checked before (and cheaply while) parsing, so that input
/// beyond it fails with a clear error within a second and in memory bounded by the file size
/// limit. The numbers are documented in docs/FORMAT.md ("Limits").
public struct InputLimits: Sendable, Hashable {
    /// Bytes in one input file (or one table, one document).
    public var fileBytes: Int
    /// Bytes in one line, for line-based formats (CSV/TSV tables, JSON Lines, GDELT, text);
    /// `nil` for formats that are often written as one line (JSON, XML, DOT).
    public var lineBytes: Int?
    /// UTF-8 bytes in one actor id, name or alias, relation id or label.
    public var nameBytes: Int
    public var actors: Int
    public var relations: Int

    public init(fileBytes: Int, lineBytes: Int?, nameBytes: Int = InputLimits.defaultNameBytes,
                actors: Int = InputLimits.defaultActors, relations: Int = InputLimits.defaultRelations) {
        self.fileBytes = fileBytes
        self.lineBytes = lineBytes
        self.nameBytes = nameBytes
        self.actors = actors
        self.relations = relations
    }

    public static let MiB = 1 << 20
    public static let defaultNameBytes = 4_096
    public static let defaultActors = 1_000_000
    public static let defaultRelations = 10_000_000
    /// Nesting of YAML/JSON collections, XML elements and DOT braces.
    public static let nestingDepth = 200

    /// YAML and JSON graph files (YAML read whole through libyaml, about 20 s per 100 MB; clean
    /// JSON by our own reader, about 1.5 s per 100 MB).
    public static let graphFile = InputLimits(fileBytes: 256 * MiB, lineBytes: nil)
    /// CSV/TSV tables: ActorGraph's own, Gephi, Kumu, plain edge lists, ACLED.
    public static let table = InputLimits(fileBytes: 512 * MiB, lineBytes: 1 * MiB)
    /// DOT, parsed by Graphviz in the sandbox (which has its own memory limit).
    public static let dot = InputLimits(fileBytes: 64 * MiB, lineBytes: nil)
    /// GraphML, GEXF, node-link and Cytoscape.js JSON.
    public static let interchange = InputLimits(fileBytes: 256 * MiB, lineBytes: nil)
    /// PLOVER JSON Lines.
    public static let jsonLines = InputLimits(fileBytes: 512 * MiB, lineBytes: 1 * MiB)
    /// GDELT event files, read as a stream (a .zip's entry counts inflated).
    public static let gdelt = InputLimits(fileBytes: 4096 * MiB, lineBytes: 1 * MiB)
    /// Text documents for the extractor and cited documents.
    public static let text = InputLimits(fileBytes: 16 * MiB, lineBytes: 1 * MiB)
    /// Small side files: event mappings.
    public static let sideFile = InputLimits(fileBytes: 16 * MiB, lineBytes: 1 * MiB)

    /// How a size is written in messages: "64 MiB", "1 MiB", "4,096 bytes".
    public static func describe(bytes: Int) -> String {
        if bytes >= 1024 * MiB && bytes % (1024 * MiB) == 0 { return "\(bytes / (1024 * MiB)) GiB" }
        if bytes >= MiB && bytes % MiB == 0 { return "\(bytes / MiB) MiB" }
        return "\(bytes) bytes"
    }

    // MARK: - Checks on bytes

    /// Checks raw bytes before parsing: their count, that they are text (no NUL byte, which
    /// UTF-16 and binary files have and no text format here allows), and the longest line.
    ///
    /// - Complexity: O(n), a byte scan without allocation.
    /// - Throws: ``DiagnosticsError`` with one located error.
    public func check(_ bytes: [UInt8], file: String) throws {
        if bytes.count > fileBytes { throw tooLarge(bytes.count, file: file) }
        try checkText(bytes[...], file: file, line: 1)
    }

    /// The error for a file of `size` bytes over ``fileBytes``.
    public func tooLarge(_ size: Int, file: String) -> DiagnosticsError {
        DiagnosticsError([Diagnostic(file: file, message:
            "the file is too large (\(size) bytes; the limit is \(Self.describe(bytes: fileBytes)))")])
    }

    /// Checks a chunk of a stream: no NUL byte, no line longer than ``lineBytes``. `line` is the
    /// 1-based line the chunk starts on; `carried` the bytes of that line before the chunk.
    /// Returns the bytes of the last (unfinished) line in the chunk, to carry into the next one.
    @discardableResult
    public func checkText(_ bytes: ArraySlice<UInt8>, file: String, line: Int, carried: Int = 0) throws -> Int {
        try scanText(bytes, file: file, line: line, carried: carried).carried
    }

    /// ``checkText(_:file:line:carried:)``, also returning the number of line breaks in the chunk.
    /// Line by line with `memchr` (a line break, then a NUL byte before it), not byte by byte.
    func scanText(_ bytes: ArraySlice<UInt8>, file: String, line: Int, carried: Int) throws -> (breaks: Int, carried: Int) {
        let limit = lineBytes ?? Int.max
        return try bytes.withUnsafeBufferPointer { buffer -> (breaks: Int, carried: Int) in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return (0, carried) }
            var lineNumber = line, length = carried, i = 0
            let n = buffer.count
            while i < n {
                let end = memchr(base + i, 0x0A, n - i).map { $0.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base) } ?? n
                if let nul = memchr(base + i, 0, end - i) {
                    let before = nul.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base) - i
                    if length + before <= limit {
                        throw DiagnosticsError([Diagnostic(file: file, line: lineNumber, column: length + before + 1, message:
                            "the file is binary, not text (it has a NUL byte; UTF-16 is not read, save it as UTF-8)")])
                    }
                }
                length += end - i
                if length > limit {
                    throw DiagnosticsError([Diagnostic(file: file, line: lineNumber, message:
                        "line longer than \(Self.describe(bytes: limit)); is this the right file?")])
                }
                guard end < n else { break }
                lineNumber += 1
                length = 0
                i = end + 1
            }
            return (lineNumber - line, length)
        }
    }

    // MARK: - Checks on the graph read

    /// Checks the counts and name lengths of a graph read from `file`.
    ///
    /// - Complexity: O(A + R) plus the names' lengths.
    public func check(_ graph: ActorGraph, file: String) throws {
        var errors: [Diagnostic] = []
        func fail(_ message: String) { errors.append(Diagnostic(file: file, message: message)) }
        if graph.actors.count > actors { fail("too many actors (\(graph.actors.count); the limit is \(actors))") }
        if graph.relations.count > relations {
            fail("too many relations (\(graph.relations.count); the limit is \(relations))")
        }
        func long(_ text: String) -> Bool { text.utf8.count > nameBytes }
        func report(_ what: String, _ text: String) {
            guard errors.count < 20 else { return }
            fail("\(what) is longer than \(nameBytes) bytes (\(text.utf8.count)): '\(text.prefix(40))…'")
        }
        for actor in graph.actors {
            if long(actor.id.rawValue) { report("an actor id", actor.id.rawValue) }
            if long(actor.name) { report("the name of actor '\(actor.id.rawValue.prefix(40))'", actor.name) }
            for alias in actor.aliases where long(alias) { report("an alias of '\(actor.id.rawValue.prefix(40))'", alias) }
        }
        for relation in graph.relations {
            // A derived id is made of actor ids checked above: only a given one is input.
            if !relation.hasDerivedID, long(relation.id.rawValue) { report("a relation id", relation.id.rawValue) }
            if let label = relation.label, long(label) {
                report("the label of relation '\(relation.id.rawValue.prefix(40))'", label)
            }
        }
        if !errors.isEmpty { throw DiagnosticsError(errors) }
    }
}

extension InputLimits {
    /// Reads at most ``fileBytes`` + 1 bytes from `path` and refuses more, so `/dev/zero`, a FIFO
    /// or a 1 GB file costs no more than the limit (a regular file's size is checked first,
    /// without reading). Then checks the bytes as ``check(_:file:)`` does.
    ///
    /// - Throws: ``DiagnosticsError`` for an unreadable file or one beyond the limits.
    public func read(path: String, file: String? = nil) throws -> [UInt8] {
        let name = file ?? path
        func fail(_ message: String) -> DiagnosticsError { DiagnosticsError([Diagnostic(file: name, message: message)]) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: throw fail("cannot read file: no such file")
            case EACCES: throw fail("cannot read file: permission denied")
            default: throw fail("cannot read file: \(String(cString: strerror(errno)))")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail("cannot read file: \(String(cString: strerror(errno)))") }
        if info.st_mode & S_IFMT == S_IFDIR { throw fail("cannot read file: it is a folder") }
        if info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) > fileBytes { throw tooLarge(Int(info.st_size), file: name) }
        var bytes: [UInt8] = []
        if info.st_mode & S_IFMT == S_IFREG { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        // Checked chunk by chunk: random bytes or /dev/zero fail at their first NUL byte.
        var line = 1, carried = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("cannot read file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            let scanned = try scanText(chunk[0..<n], file: name, line: line, carried: carried)
            carried = scanned.carried
            line += scanned.breaks
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > fileBytes { throw tooLarge(bytes.count, file: name) }
        }
        return bytes
    }
}
