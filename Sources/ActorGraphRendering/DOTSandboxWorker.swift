import ActorGraphCore
import ActorGraphFormats
@preconcurrency import CGraphviz
import Foundation

/// The worker side of ``DOTSandbox``: what `actorgraph __dot-worker` runs in its own process.
extension DOTSandbox {
    // MARK: - Worker side

    /// The worker: `MODE --memory BYTES --cpu SECONDS`, DOT on standard input, a JSON reply on
    /// standard output, exit status 0. Anything else (a signal, another status) is Graphviz failing.
    public static func workerMain(_ arguments: [String]) -> Never {
        var options: [String: String] = [:]
        var k = 1
        while k + 1 < arguments.count {
            options[arguments[k]] = arguments[k + 1]
            k += 2
        }
        let mode = arguments.first ?? ""
        harden(memory: options["--memory"].flatMap(Int.init), cpu: options["--cpu"].flatMap(Int.init),
               parsing: mode == "parse")
        let input = readStandardInput(limit: InputLimits.dot.fileBytes + 1)
        let text = String(decoding: input, as: UTF8.self)
        var reply = Reply()
        do {
            switch mode {
            case "parse":
                reply.data = try DOTImporter.data(fromDOT: text, file: "")
            case "layout":
                let (engine, warnings, bytes) = try layoutAsWritten(text)
                reply.engine = engine
                reply.warnings = warnings
                reply.bytes = bytes
            default:
                FileHandle.standardError.write(Data("unknown worker mode '\(mode)'\n".utf8))
                exit(64)
            }
        } catch let error as DiagnosticsError {
            reply.errors = error.diagnostics.filter { $0.severity == .error }.map { Reply.Located(line: $0.line, message: $0.message) }
        } catch let error as GraphvizError {
            let said = error.graphvizMessages.first.map { " (Graphviz said: \($0))" } ?? ""
            reply.errors = [Reply.Located(line: nil, message: "Graphviz cannot draw the file as written: \(error.message)" + said)]
        } catch {
            reply.errors = [Reply.Located(line: nil, message: "\(error)")]
        }
        guard let json = try? JSONEncoder().encode(reply) else { exit(70) }
        var offset = 0
        let bytes = [UInt8](json)
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { exit(74) }
            offset += n
        }
        exit(0)
    }

    /// Limits the worker itself: no core dump, address space, CPU time, and (while parsing) no
    /// file writes at all.
    static func harden(memory: Int?, cpu: Int?, parsing: Bool) {
        _ = actorgraph_worker_no_core_dumps()
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
        if let memory, !sanitized {
            var limit = rlimit(rlim_cur: rlim_t(memory), rlim_max: rlim_t(memory))
            setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        }
        if let cpu {
            var limit = rlimit(rlim_cur: rlim_t(cpu), rlim_max: rlim_t(cpu + 1))
            setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &limit)
        }
        if parsing { setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &none) }
    }

    /// Whether this binary runs under AddressSanitizer or ThreadSanitizer.
    static let sanitized: Bool = {
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        return dlsym(handle, "__asan_init") != nil || dlsym(handle, "__tsan_init") != nil
    }()

    static func readStandardInput(limit: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Parses `text` and lays it out with its own `layout` engine (dot when it names none that is
    /// installed), renders SVG into memory and frees it: what `dot -Tsvg` would do with the file.
    static func layoutAsWritten(_ text: String) throws -> (String, [String], Int) {
        try GraphvizLibrary.withContext { gvc in
            try DOTImporter.withParsedGraph(text, file: "") { g, _, _ in
            let engines = GraphvizLibrary.plugins(kind: "layout", gvc: gvc)
            let asked = GraphvizRenderer.get(UnsafeMutableRawPointer(g), "layout") ?? ""
            let engine = engines.contains(asked) ? asked : "dot"
            guard gvLayout(gvc, g, engine) == 0 else {
                throw GraphvizError(message: "\(engine) layout failed", graphvizMessages: GraphvizLibrary.takeMessages())
            }
            defer { gvFreeLayout(gvc, g) }
            var result: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let rc = gvRenderData(gvc, g, "svg", &result, &length)
            if let result { gvFreeRenderData(result) }
            let messages = GraphvizLibrary.takeMessages()
            guard rc == 0 else { throw GraphvizError(message: "rendering failed", graphvizMessages: messages) }
            return (engine, messages, Int(length))
            }
        }
    }
}
