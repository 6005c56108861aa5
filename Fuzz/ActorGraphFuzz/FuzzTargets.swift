import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import ActorGraphRendering
import ActorGraphServer
import Foundation

/// One fuzz target per reader, selected by name (`ACTORGRAPH_FUZZ_TARGET`, scripts/fuzz).
///
/// Each feeds the bytes to a reader's public entry point, as `actorgraph import` would, and
/// ignores the error a bad input earns: a target fails only by crashing (a trap, an ASan report,
/// a timeout or running out of memory in libFuzzer). DOT goes through the sandbox, so Graphviz's
/// own crashes stay in its worker; the targets `dot-scanner` and `dot-mapping` fuzz our code
/// around it in process (the pre-parse scan, and the worker's JSON reply mapped onto the model).
enum FuzzTargets {
    static let names = ["yaml", "json", "csv", "table", "dot", "dot-scanner", "dot-mapping", "graphml", "gexf",
                        "nodelink", "plover", "gdelt", "gdelt-zip", "acled", "mapping", "extract", "serve-request"]

    static func run(_ target: String, _ bytes: [UInt8]) {
        let file = "fuzz-input"
        switch target {
        case "yaml", "json":
            _ = try? GraphFileReader.parse(bytes: bytes, file: file, baseDirectory: nil)
        case "csv":
            // An edges table, optionally followed by a nodes table after a line `#nodes`.
            let (edges, nodes) = split(bytes, at: Array("\n#nodes\n".utf8))
            _ = try? CSVGraph.load(edges: .init(file: "edges.csv", bytes: edges),
                                   nodes: nodes.map { .init(file: "nodes.csv", bytes: $0) })
        case "table":
            let (edges, nodes) = split(bytes, at: Array("\n#nodes\n".utf8))
            _ = try? SpreadsheetFormats.graph(edges: .init(file: "edges.csv", bytes: edges),
                                              nodes: nodes.map { .init(file: "nodes.csv", bytes: $0) })
        case "dot":
            _ = try? sandbox.graph(fromDOT: bytes, file: file)
        case "dot-scanner":
            _ = try? DOTScanner.check(bytes, file: file)
        case "dot-mapping":
            guard let data = try? JSONDecoder().decode(DOTGraphData.self, from: Data(bytes)) else { return }
            _ = try? DOTReader.graph(from: data, file: file)
        case "graphml":
            _ = try? GraphMLFormat.graph(from: bytes, file: file)
        case "gexf":
            _ = try? GEXFFormat.graph(from: bytes, file: file)
        case "nodelink":
            _ = try? JSONGraphFormats.graph(from: bytes, file: file)
        case "plover":
            _ = try? EventTableReaders.plover(.init(file: file, bytes: bytes), mapping: .standard, period: .month)
        case "acled":
            _ = try? EventTableReaders.acled(.init(file: file, bytes: bytes), mapping: .standard, period: .day)
        case "gdelt":
            _ = try? GDELTReader.read(bytes: bytes, file: file, mapping: .standard, period: .month)
        case "gdelt-zip":
            // The zip reader takes a path: one file in /dev/shm (or /tmp), rewritten per input.
            let path = scratch + "/in.zip"
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
            _ = try? GDELTReader.read(path: path, mapping: .standard, period: .month)
        case "mapping":
            _ = try? EventMapping(text: String(decoding: bytes, as: UTF8.self), file: file)
        case "extract":
            // As `actorgraph extract` does: extract, write the candidates file, read it back.
            let text = String(decoding: bytes.prefix(InputLimits.text.fileBytes), as: UTF8.self)
            let result = extractor.extract(text: text, document: DocumentID("article"))
            let document = Document(id: DocumentID("article"), path: "article.txt")
            let candidates = CandidateFile.graph(dictionary: extractor.graph, articles: [(document, result)])
            _ = try? GraphFileReader.parse(bytes: Array(GraphFileWriter.text(for: candidates, syntax: .yaml).utf8),
                                           file: "candidates.yaml", baseDirectory: nil)
        case "serve-request":
            ServeRequestTarget.run(bytes)
        default:
            FileHandle.standardError.write(Data("unknown fuzz target '\(target)'; targets: \(names.joined(separator: ", "))\n".utf8))
            exit(64)
        }
    }

    static func split(_ bytes: [UInt8], at separator: [UInt8]) -> ([UInt8], [UInt8]?) {
        guard bytes.count >= separator.count else { return (bytes, nil) }
        for i in 0...(bytes.count - separator.count) where bytes[i] == separator[0] {
            if Array(bytes[i..<(i + separator.count)]) == separator {
                return (Array(bytes[..<i]), Array(bytes[(i + separator.count)...]))
            }
        }
        return (bytes, nil)
    }

    static let scratch: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = base + "/actorgraph-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// The sandbox's worker: `ACTORGRAPH_DOT_WORKER`, else `actorgraph` beside this executable
    /// (scripts/fuzz points it at the plain debug build, whose main handles `__dot-worker`).
    static let sandbox: DOTSandbox = {
        let environment = ProcessInfo.processInfo.environment
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("actorgraph").path
        return DOTSandbox(worker: environment["ACTORGRAPH_DOT_WORKER"] ?? own, timeout: 3)
    }()

    /// The extractor with the bundled lexicon and gazetteer and the seed graph's actors when
    /// `ACTORGRAPH_FUZZ_DICTIONARY` names a graph file (scripts/fuzz does), else none.
    static let extractor: Extractor = {
        var dictionary = ActorGraph()
        if let path = ProcessInfo.processInfo.environment["ACTORGRAPH_FUZZ_DICTIONARY"],
           let loaded = try? GraphFileReader.read(contentsOf: URL(fileURLWithPath: path),
                                                  options: .init(verifyEvidence: false)) {
            dictionary = loaded.graph
            dictionary.relations = []
        }
        // The bundled data ship with the library; failing to load them is a build defect.
        return Extractor(graph: dictionary, lexicon: try! Lexicon.bundled(), gazetteer: try! Gazetteer.bundled())
    }()
}
