import ActorGraphCore
import ActorGraphFormats
import ArgumentParser
import Foundation

/// The graph a command reads: a graph file (.yaml, .yml, .json) or an edges table (.csv).
struct InputOptions: ParsableArguments {
    @Argument(help: "A graph file (.yaml, .yml, .json) or an edges table (.csv).")
    var file: String

    @Flag(help: "Do not read the cited documents (skip quote verification).")
    var noQuotes = false

    /// Reads the graph, printing its warnings on stderr.
    func load() throws -> ActorGraph { try loadGraph(file, verifyEvidence: !noQuotes).graph }
}

/// Reads a graph file or an edges table, printing its warnings on stderr.
func loadGraph(_ path: String, verifyEvidence: Bool = true) throws -> LoadedGraph {
    if path.lowercased().hasSuffix(".csv") {
        let loaded = try CSVGraph.load(edges: .init(file: path, bytes: try readBytes(path, limits: .table)))
        for warning in loaded.warnings { printError(warning.description) }
        return loaded
    }
    let loaded = try GraphFileReader.read(contentsOf: URL(fileURLWithPath: path), displayPath: path,
                                          options: .init(verifyEvidence: verifyEvidence))
    for warning in loaded.warnings { printError(warning.description) }
    return loaded
}

/// Reads a file within `limits` (size checked before reading, binary and overlong lines refused
/// while reading; docs/FORMAT.md, "Limits").
func readBytes(_ path: String, limits: InputLimits) throws -> [UInt8] {
    try limits.read(path: path)
}

/// Resolves typed names (id, name or alias) to actors: an exact id at once, anything else
/// through an ``ActorLookup`` built on first need (it folds every name and alias).
final class ActorNames {
    var graph: ActorGraph
    lazy var lookup = ActorLookup(graph)

    init(_ graph: ActorGraph) {
        self.graph = graph
        self.graph.indexEndpoints()  // exact ids found in O(1) (a no-op for graphs from the readers)
    }

    func actor(_ id: ActorID) -> ActorNode? { graph.actor(id) }

    func resolve(_ name: String) throws -> ActorID {
        if graph.actor(ActorID(name)) != nil { return ActorID(name) }
        func named(_ ids: [ActorID]) -> [(ActorID, String)] { ids.map { ($0, graph.actor($0)?.name ?? $0.rawValue) } }
        switch lookup.resolve(name) {
        case .found(let id): return id
        case .ambiguous(let ids): throw CLIError.ambiguousActor(name, matches: named(ids))
        case .notFound(let closest): throw CLIError.unknownActor(name, closest: named(closest))
        }
    }
}

/// Resolves a typed name (id, name or alias) to one actor.
func resolveActor(_ name: String, in graph: ActorGraph) throws -> ActorNode {
    let names = ActorNames(graph)
    return names.actor(try names.resolve(name))!
}

/// Checks a graph that no reader has validated (one assembled from event data) with the one
/// validator before it is written: errors name the output and the element and stop the write.
/// Graphs from the readers were validated as they were read.
func validateBeforeWriting(_ graph: ActorGraph, to output: String) throws {
    _ = try GraphValidation.check(graph, displayPath: output == "-" ? "<stdout>" : output)
}

/// Writes text to a path (atomically where it can), or to stdout for "-".
func writeOutput(_ text: String, to path: String) throws {
    try writeOutput(Data(text.utf8), to: path)
}

func writeOutput(_ data: Data, to path: String) throws {
    if path == "-" {
        FileHandle.standardOutput.write(data)
        return
    }
    try AtomicFile.write(data, to: URL(fileURLWithPath: path))
}

/// Output formats chosen by `--format`.
enum TextFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Output formats of tables.
enum TableFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

extension DirectionMode: ExpressibleByArgument {}
extension WeightRule: ExpressibleByArgument {}
extension Measure: ExpressibleByArgument {}

/// A command works in phases (read the file, build the view, answer) whose large buffers die
/// between phases. glibc raises its mmap threshold as big blocks are freed, so that later arrays
/// of a few MB land in the heap, where freed pages stay resident and phases stack up in the
/// peak. A fixed threshold of 128 KiB keeps every large array in its own mapping, returned to
/// the system when freed: on the 300,000-relation table PageRank peaks about 2.5 MB lower, at
/// no measurable cost in time. (`mallopt` is found with `dlsym`: Swift's Glibc module does not
/// import malloc.h; elsewhere this does nothing.)
func returnLargeBuffersPromptly() {
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in glibc's malloc.h
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
    _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 128 * 1024)
}
