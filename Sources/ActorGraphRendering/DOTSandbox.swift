import ActorGraphCore
import ActorGraphFormats
@preconcurrency import CGraphviz
import Foundation

/// Graphviz in a child process, for DOT that did not come from our own writer in this process.
///
/// Graphviz 2.42's parser and layout engines crash (SIGSEGV), abort on failed assertions, call
/// `exit(1)` or loop forever on crafted input; in process that would take the whole program, or a
/// server, with it. So untrusted DOT is parsed (and, to check it, laid out) by a worker: the
/// executable named by ``worker`` run with ``workerArguments`` + a mode, here the `actorgraph`
/// binary itself in its hidden `__dot-worker` mode (``workerMain(_:)``). The worker limits itself
/// first thing (address space ``memoryBytes``, CPU time, no core dump, no file writes while
/// parsing), reads the DOT on standard input and writes a JSON reply on standard output (a
/// ``DOTGraphData`` or located syntax errors). The parent kills it with SIGKILL after
/// ``timeout`` seconds, reads at most ``maxReplyBytes``, and turns any other ending into an
/// error naming the file: `FILE: error: Graphviz crashed (SIGSEGV) while parsing the file`,
/// `… did not finish parsing the file within 10 s`. Its standard error is never shown raw.
///
/// Before any process starts, ``DOTScanner`` refuses what would make the parser hang or read only
/// part of the file (too many attribute names, deep nesting, text after the graph).
///
/// Drawings ActorGraph builds itself from a validated graph (``GraphvizRenderer``) stay in
/// process. See docs/DECISIONS.md, "Graphviz in a sandbox".
public struct DOTSandbox: Sendable {
    /// The command-line word that selects the worker mode of the `actorgraph` binary.
    public static let workerCommand = "__dot-worker"
    public static let defaultTimeout = 10.0
    public static let defaultMemoryBytes = 1 << 30

    /// The executable to run as the worker.
    public var worker: String
    /// Arguments before the mode (`parse` or `layout`).
    public var workerArguments: [String]
    /// Seconds of wall-clock time per worker run.
    public var timeout: Double
    /// The worker's address-space limit (RLIMIT_AS). Not applied in sanitizer builds, whose
    /// shadow memory needs terabytes of address space.
    public var memoryBytes: Int
    /// The most the worker may write back.
    public var maxReplyBytes: Int
    /// Graphs up to this many nodes and edges are laid out in full by the layout check: not
    /// finishing within ``timeout`` is an error.
    public var layoutCheckNodes: Int
    public var layoutCheckEdges: Int
    /// Larger graphs, up to this many nodes, get a short trial (``briefLayoutSeconds``): a crash is
    /// still an error, running out of time only a warning (a dot layout of 1,000 nodes takes
    /// minutes). Beyond it the file is only parsed.
    public var briefLayoutCheckNodes = 5_000
    public var briefLayoutSeconds = 2.0

    public init(worker: String, workerArguments: [String] = [DOTSandbox.workerCommand],
                timeout: Double = DOTSandbox.defaultTimeout, memoryBytes: Int = DOTSandbox.defaultMemoryBytes,
                maxReplyBytes: Int = 256 * InputLimits.MiB, layoutCheckNodes: Int = LayoutEngine.dotLimit,
                layoutCheckEdges: Int = 1_000) {
        self.worker = worker
        self.workerArguments = workerArguments
        self.timeout = timeout
        self.memoryBytes = memoryBytes
        self.maxReplyBytes = maxReplyBytes
        self.layoutCheckNodes = layoutCheckNodes
        self.layoutCheckEdges = layoutCheckEdges
    }

    /// A sandbox whose worker is the running executable (`/proc/self/exe`), which must handle
    /// ``workerCommand`` by calling ``workerMain(_:)``, as `actorgraph` does.
    public static func currentExecutable(timeout: Double = DOTSandbox.defaultTimeout) -> DOTSandbox {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments[0]
        return DOTSandbox(worker: path, timeout: timeout)
    }

    // MARK: - Parent side

    /// Parses DOT bytes in the worker and maps them onto the model, as
    /// `DOTImporter.graph(fromDOT:file:options:)` does in process; then, with
    /// `checkLayout`, lays the file out as written (see ``check(dot:file:)``).
    ///
    /// - Throws: ``DiagnosticsError`` for input beyond the limits, syntax errors, values that
    ///   cannot be mapped, and Graphviz crashing, aborting, exiting or hanging (one error naming
    ///   the file and what happened).
    public func graph(fromDOT bytes: [UInt8], file: String, options: ImportOptions = ImportOptions(),
                      checkLayout: Bool = true) throws -> LoadedGraph {
        try InputLimits.dot.check(bytes, file: file)
        let (text, warning) = DOTImporter.decode(bytes)
        let utf8 = Array(text.utf8)
        let data = try parse(utf8Text: utf8, file: file)
        let note = checkLayout ? try layoutCheck(utf8, nodes: data.nodes.count, edges: data.edges.count, file: file) : nil
        var loaded = try DOTReader.graph(from: data, file: file, options: options)
        if let warning { loaded.warnings.insert(Diagnostic(file: file, severity: .warning, message: warning), at: 0) }
        if let note { loaded.warnings.append(Diagnostic(file: file, severity: .warning, message: note)) }
        try InputLimits.dot.check(loaded.graph, file: file)
        return loaded
    }

    /// What Graphviz's parser reads from UTF-8 DOT text, parsed in the worker.
    public func parse(utf8Text: [UInt8], file: String) throws -> DOTGraphData {
        try DOTScanner.check(utf8Text, file: file)
        let reply = try run(mode: "parse", input: utf8Text, file: file, doing: "parsing")
        if let data = reply.data { return data }
        throw DiagnosticsError([Diagnostic(file: file, message: "the Graphviz worker sent no graph")])
    }

    /// Lays the file out as written (its `layout` engine if it names an installed one, else dot)
    /// and renders it to SVG in the worker, to find out whether Graphviz can draw it; the drawing
    /// is thrown away. Returns the engine used and Graphviz's warnings.
    @discardableResult
    public func layout(utf8Text: [UInt8], file: String) throws -> (engine: String, warnings: [String]) {
        try DOTScanner.check(utf8Text, file: file)
        let reply = try run(mode: "layout", input: utf8Text, file: file, doing: "laying out")
        return (reply.engine ?? "dot", reply.warnings ?? [])
    }

    /// Parses, then lays out UTF-8 DOT text as the layout check does; returns the data and a
    /// warning when the check was cut short or skipped.
    public func check(dot utf8Text: [UInt8], file: String) throws -> (DOTGraphData, String?) {
        let data = try parse(utf8Text: utf8Text, file: file)
        return (data, try layoutCheck(utf8Text, nodes: data.nodes.count, edges: data.edges.count, file: file))
    }

    /// The layout check by size: in full up to ``layoutCheckNodes``/``layoutCheckEdges``, briefly
    /// up to ``briefLayoutCheckNodes``, else not at all. Returns a warning when not in full.
    func layoutCheck(_ utf8Text: [UInt8], nodes: Int, edges: Int, file: String) throws -> String? {
        if nodes <= layoutCheckNodes && edges <= layoutCheckEdges {
            try layout(utf8Text: utf8Text, file: file)
            return nil
        }
        guard nodes <= briefLayoutCheckNodes else {
            return "not laid out as a check (\(nodes) nodes; the check stops at \(briefLayoutCheckNodes))"
        }
        var brief = self
        brief.timeout = min(timeout, briefLayoutSeconds)
        do {
            try brief.layout(utf8Text: utf8Text, file: file)
            return nil
        } catch let error as DiagnosticsError where error.diagnostics.contains(where: { $0.message.contains(Self.timeoutMarker) }) {
            return "Graphviz did not lay the file out within the \(Self.format(seconds: brief.timeout)) of the check for "
                + "graphs of more than \(layoutCheckNodes) nodes; imported without it"
        }
    }

    static let timeoutMarker = "did not finish within"

    /// The worker's JSON reply.
    struct Reply: Codable {
        struct Located: Codable {
            var line: Int?
            var message: String
        }
        var data: DOTGraphData?
        var errors: [Located]?
        var engine: String?
        var warnings: [String]?
        var bytes: Int?
    }

    func run(mode: String, input: [UInt8], file: String, doing: String) throws -> Reply {
        let seconds = Int(timeout.rounded(.up))
        let process = SandboxedProcess(
            executable: worker,
            arguments: workerArguments + [mode, "--memory", String(memoryBytes), "--cpu", String(seconds + 1)],
            input: input, timeout: timeout, maxOutput: maxReplyBytes,
            // A crash is expected here: no backtrace from the Swift runtime (slow, and noise).
            environment: Self.workerEnvironment)
        let result: SandboxedProcess.Result
        do {
            result = try process.run()
        } catch {
            throw DiagnosticsError([Diagnostic(file: file, message: "cannot start the Graphviz worker: \(error)")])
        }
        let layingOut = mode == "layout"
        func fail(_ what: String) -> DiagnosticsError {
            var message = "Graphviz \(what) while \(doing) the file"
            message += layingOut
                ? " as written; nothing was imported (--no-layout-check imports the data without this check)"
                : "; nothing was imported"
            if let said = Self.summary(of: result.errorOutput) { message += ". Graphviz said: \(said)" }
            return DiagnosticsError([Diagnostic(file: file, message: message)])
        }
        let memory = InputLimits.describe(bytes: memoryBytes)
        let outOfMemory = Self.mentionsMemory(result.errorOutput)
        switch result.ending {
        case .timedOut:
            throw fail("\(Self.timeoutMarker) \(Self.format(seconds: timeout)) (--dot-timeout)")
        case .outputTooLarge:
            throw fail("produced more than \(InputLimits.describe(bytes: maxReplyBytes))")
        case .signalled(let signal):
            if signal == SIGXCPU { throw fail("used more than \(seconds + 1) s of CPU time") }
            if outOfMemory { throw fail("crashed (\(Self.name(ofSignal: signal))) after running out of memory (the limit is \(memory))") }
            if signal == SIGKILL { throw fail("was killed (SIGKILL; out of memory? the limit is \(memory))") }
            throw fail("crashed (\(Self.name(ofSignal: signal)))")
        case .exited(let status) where status != 0:
            if outOfMemory { throw fail("ran out of memory (the limit is \(memory)) and exited with status \(status)") }
            throw fail("exited with status \(status)")
        case .exited:
            guard let reply = try? JSONDecoder().decode(Reply.self, from: Data(result.output)) else {
                throw fail("sent a reply that cannot be read")
            }
            if let errors = reply.errors, !errors.isEmpty {
                throw DiagnosticsError(errors.map { Diagnostic(file: file, line: $0.line, message: $0.message) })
            }
            return reply
        }
    }

    /// The worker's environment on top of ours. Under ASan or TSan (scripts/sanitize) the
    /// sanitizer must not turn Graphviz's SIGSEGV or SIGABRT into a report and exit status 1, nor
    /// report Graphviz's own leaks: the worker dies of the signal as in a plain build.
    static let workerEnvironment: [String: String] = {
        var variables = ["SWIFT_BACKTRACE": "enable=no"]
        guard sanitized else { return variables }
        let quiet = "handle_segv=0:handle_sigbus=0:handle_abort=0:handle_sigfpe=0:handle_sigill=0:detect_leaks=0"
        let environment = ProcessInfo.processInfo.environment
        for key in ["ASAN_OPTIONS", "TSAN_OPTIONS"] {
            variables[key] = (environment[key].map { $0 + ":" } ?? "") + quiet
        }
        return variables
    }()

    static func format(seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }

    static func name(ofSignal signal: Int32) -> String {
        let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE",
                                      SIGILL: "SIGILL", SIGKILL: "SIGKILL", SIGTRAP: "SIGTRAP", SIGXCPU: "SIGXCPU",
                                      SIGXFSZ: "SIGXFSZ", SIGSYS: "SIGSYS", SIGTERM: "SIGTERM", SIGINT: "SIGINT",
                                      SIGPIPE: "SIGPIPE"]
        return names[signal] ?? "signal \(signal)"
    }

    static func mentionsMemory(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        return text.contains("out of memory") || text.contains("could not allocate") || text.contains("cannot allocate")
    }

    /// The first meaningful line the worker printed, as plain printable ASCII, at most 160
    /// characters: never the raw stream.
    static func summary(of bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) {
            let clean = String(String.UnicodeScalarView(line.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }))
                .trimmingCharacters(in: .whitespaces)
            if clean.count < 3 || clean.hasPrefix("String starting") || clean.hasPrefix("***")
                || clean.hasPrefix("swift-runtime") { continue }
            return clean.count > 160 ? String(clean.prefix(160)) + "…" : clean
        }
        return nil
    }
}
