import ActorGraphCore
import ActorGraphFormats
@preconcurrency import CGraphviz
import Foundation

/// Reads DOT through cgraph's own parser into an actor graph.
///
/// cgraph parses; this type only walks what it built into a ``DOTGraphData`` (nodes, edges and
/// attributes as text, with the line each was read on), and ``DOTReader`` in ActorGraphFormats
/// maps that onto the model and validates it.
public enum DOTImporter {
    /// Parses and maps `text`; see ``DOTReader`` for the mapping.
    ///
    /// - Throws: `DiagnosticsError` (ActorGraphFormats) for a syntax error (with its line, as Graphviz reports it) or
    ///   values that cannot be mapped or are invalid (an unknown type, an invalid date, an unknown
    ///   `memberOf` actor…), each at the line of its node or edge.
    public static func graph(fromDOT text: String, file: String, options: ImportOptions = ImportOptions()) throws -> LoadedGraph {
        try DOTReader.graph(from: data(fromDOT: text, file: file), file: file, options: options)
    }

    /// Decodes DOT bytes as the file's `charset` says (UTF-8 by default; `latin1`, `latin-1`,
    /// `l1`, `iso-8859-1` and `ISO_8859-1` as Latin-1), then parses and maps them. Bytes that are
    /// not UTF-8 in a file that names no charset are read as Latin-1, with a warning.
    public static func graph(fromDOT bytes: [UInt8], file: String, options: ImportOptions = ImportOptions()) throws -> LoadedGraph {
        let (text, warning) = decode(bytes)
        var loaded = try graph(fromDOT: text, file: file, options: options)
        if let warning { loaded.warnings.insert(Diagnostic(file: file, severity: .warning, message: warning), at: 0) }
        return loaded
    }

    /// The text of DOT bytes, and a warning when a guess was made.
    static func decode(_ bytes: [UInt8]) -> (String, String?) {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        let latin1 = head.range(of: #"charset\s*=\s*"?(latin-?1|l1|iso[-_]?8859-1)"#, options: .regularExpression) != nil
        if !latin1, let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
        let text = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        return (text, latin1 ? nil : "the file is not UTF-8 and names no charset; read as Latin-1")
    }

    /// What cgraph read from `text`: nodes, edges and attributes with their lines.
    ///
    /// - Throws: ``DiagnosticsError`` for a syntax error.
    /// In process: for DOT from a trusted source. Untrusted DOT goes through ``DOTSandbox``, whose
    /// worker calls this. ``DOTScanner`` checks the text first.
    public static func data(fromDOT text: String, file: String) throws -> DOTGraphData {
        try DOTScanner.check(Array(text.utf8), file: file)
        return try GraphvizLibrary.withContext { _ in
            try withParsedGraph(text, file: file) { g, lines, messages in
                var data = walk(g, lines: lines)
                data.parserWarnings = messages
                return data
            }
        }
    }

    /// Parses `text` with cgraph (line by line, noting each object's line) and runs `body` on the
    /// graph, which is closed afterwards. Call inside ``GraphvizLibrary/withContext(_:)``.
    ///
    /// - Throws: ``DiagnosticsError`` for a syntax error (any error Graphviz reported).
    static func withParsedGraph<T>(_ text: String, file: String,
                                   _ body: (UnsafeMutablePointer<Agraph_t>, [UnsafeMutableRawPointer: Int], [String]) throws -> T)
    throws -> T {
        GraphvizLibrary.resetMessages()
        let parsed = LineTrackingRead.parse(text)
        let messages = GraphvizLibrary.takeMessages()
        guard let g = parsed.graph, agerrors() == 0 else {
            if let g = parsed.graph { agclose(g) }
            throw DiagnosticsError(syntaxDiagnostics(messages, file: file))
        }
        defer { agclose(g) }
        return try body(g, parsed.lines, messages)
    }

    /// Graphviz says "Error: syntax error in line 3 near 'x'"; turn that into `file:3: error: …`.
    static func syntaxDiagnostics(_ messages: [String], file: String) -> [Diagnostic] {
        let text = messages.joined(separator: " ")
        var line: Int?
        if let range = text.range(of: "in line ") {
            line = Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        var message = text.replacingOccurrences(of: "Error: ", with: "")
        if let l = line { message = message.replacingOccurrences(of: " in line \(l)", with: "") }
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if message.isEmpty { message = "the file is not valid DOT" }
        return [Diagnostic(file: file, line: line, message: message)]
    }

    /// Every declared attribute of `kind` with a non-empty value on `object`.
    static func attributes(_ g: UnsafeMutablePointer<Agraph_t>, _ kind: Int32,
                           _ object: UnsafeMutableRawPointer) -> [String: String] {
        var result: [String: String] = [:]
        var symbol = agnxtattr(g, kind, nil)
        while let sym = symbol {
            if let value = agxget(object, sym), value.pointee != 0, let name = sym.pointee.name {
                result[String(cString: name)] = String(cString: value)
            }
            symbol = agnxtattr(g, kind, sym)
        }
        return result
    }

    static func walk(_ g: UnsafeMutablePointer<Agraph_t>, lines: [UnsafeMutableRawPointer: Int]) -> DOTGraphData {
        var data = DOTGraphData(directed: agisdirected(g) != 0, attributes: attributes(g, Int32(AGRAPH), UnsafeMutableRawPointer(g)))
        var n = agfstnode(g)
        while let node = n {
            data.nodes.append(DOTGraphData.Node(name: String(cString: agnameof(node)),
                                                attributes: attributes(g, Int32(AGNODE), UnsafeMutableRawPointer(node)),
                                                line: lines[UnsafeMutableRawPointer(node)]))
            n = agnxtnode(g, node)
        }
        n = agfstnode(g)
        while let node = n {
            var e = agfstout(g, node)
            while let edge = e {
                let key = agnameof(edge).map { String(cString: $0) }
                data.edges.append(DOTGraphData.Edge(
                    tail: String(cString: agnameof(node)), head: String(cString: agnameof(edge.pointee.node)),
                    key: key?.isEmpty == false ? key : nil,
                    attributes: attributes(g, Int32(AGEDGE), UnsafeMutableRawPointer(edge)),
                    line: lines[UnsafeMutableRawPointer(edge)]))
                e = agnxtout(g, edge)
            }
            n = agnxtnode(g, node)
        }
        return data
    }
}

/// `agread` with an I/O discipline that hands the lexer one line at a time and an id discipline
/// that notes, as cgraph creates each node and edge, the line it was reading. cgraph keeps no
/// places itself. Callbacks are C functions, so the state is a global, touched only under
/// ``GraphvizLibrary``'s lock.
private enum LineTrackingRead {
    struct State {
        var bytes: [UInt8] = []
        var offset = 0
        /// 1-based line of the text last handed to the lexer.
        var line = 0
        var atLineStart = true
        var lines: [UnsafeMutableRawPointer: Int] = [:]
    }
    nonisolated(unsafe) static var state = State()

    /// The channel cgraph passes back to the reader (which ignores it; it must not be null).
    nonisolated(unsafe) static let channel = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)

    /// The discipline: cgraph's default ones, with the reader and the id registration replaced.
    nonisolated(unsafe) static let discipline: UnsafeMutablePointer<Agdisc_t> = {
        let io = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        io.initialize(to: AgIoDisc)
        io.pointee.afread = { _, buffer, size in
            guard let buffer, size > 0, state.offset < state.bytes.count else { return 0 }
            if state.atLineStart { state.line += 1 }
            var count = 0
            var byte: UInt8 = 0
            while count < Int(size), state.offset < state.bytes.count {
                byte = state.bytes[state.offset]
                buffer[count] = CChar(bitPattern: byte)
                count += 1
                state.offset += 1
                if byte == 0x0A { break }
            }
            state.atLineStart = byte == 0x0A
            return Int32(count)
        }
        let ids = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        ids.initialize(to: AgIdDisc)
        ids.pointee.idregister = { idState, kind, object in
            AgIdDisc.idregister?(idState, kind, object)
            if let object, kind != Int32(AGRAPH) { state.lines[object] = state.line }
        }
        let memory = UnsafeMutablePointer<Agmemdisc_t>.allocate(capacity: 1)
        memory.initialize(to: AgMemDisc)
        let discipline = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        discipline.initialize(to: Agdisc_t(mem: memory, id: ids, io: io))
        return discipline
    }()

    static func parse(_ text: String) -> (graph: UnsafeMutablePointer<Agraph_t>?, lines: [UnsafeMutableRawPointer: Int]) {
        state = State(bytes: Array(text.utf8))
        defer { state = State() }
        let graph = agread(channel, discipline)
        return (graph, state.lines)
    }
}
