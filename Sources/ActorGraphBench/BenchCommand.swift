@_spi(Kernels) import ActorGraphCore
@_spi(Kernels) import ActorGraphFormats
import ActorGraphRendering
import ArgumentParser
import Foundation

/// Benchmarks and diagnostics drivers, used by scripts/bench and scripts/leakcheck. Timings are
/// medians of repeated runs, printed as one JSON object per line.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actorgraph-bench",
        abstract: "Benchmark drivers for scripts/bench and scripts/leakcheck.",
        subcommands: [RenderLoop.self, RenderVersusCLI.self, DrawingLoop.self, Analysis.self])
}

/// Loads a graph file (.yaml/.json) or an edges table (.csv).
func loadBenchGraph(_ path: String) throws -> ActorGraph {
    if path.hasSuffix(".csv") {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        return try CSVGraph.graph(edges: .init(file: path, bytes: bytes))
    }
    return try GraphFileReader.read(contentsOf: URL(fileURLWithPath: path)).graph
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Renders one graph many times in one process: the leak check's workload.
struct RenderLoop: ParsableCommand {
    @Argument var file: String
    @Option var count = 200
    @Option var format: String = "svg"
    @Option var engine: String = "dot"
    @Flag(help: "Build the drawing once, outside the loop (profiles Graphviz alone).") var prebuilt = false

    func run() throws {
        let graph = try loadBenchGraph(file)
        guard let format = OutputFormat(rawValue: format), let engine = LayoutEngine(rawValue: engine) else {
            throw ValidationError("unknown format or engine")
        }
        var bytes = 0
        let once = DiagramBuilder.drawing(of: graph)
        for _ in 0..<count {
            let drawing = prebuilt ? once : DiagramBuilder.drawing(of: graph)
            bytes += try GraphvizRenderer.render(drawing, engine: engine, format: format).data.count
        }
        print("{\"renders\": \(count), \"bytes\": \(bytes)}")
    }
}

/// In-process render (graph in memory → SVG bytes) against the Graphviz program on the DOT we
/// export for the same drawing (process start, parse, layout, render), in the same run. Each side
/// is timed in its own block (interleaving process spawns with in-process renders evicts caches
/// and penalises whichever runs second); the figure is the median of `repeats`.
struct RenderVersusCLI: ParsableCommand {
    @Argument var file: String
    @Option var engine: String = "dot"
    @Option var repeats = 7
    @Option(help: "Where to write the exported DOT the program reads.") var dotFile: String = "/tmp/actorgraph-bench.dot"
    @Flag(help: "Leave the legend out (to price a different look; not what render draws).") var noLegend = false
    @Option(help: "Extra graph attribute key=value on both sides, e.g. splines=polyline (to price a different look).")
    var graphAttribute: [String] = []
    @Option(help: "Draw only this actor's neighbourhood (with --depth), to time a small view.") var focus: String?
    @Option var depth = 1

    func run() throws {
        var graph = try loadBenchGraph(file)
        if let focus { graph = graph.neighborhood(of: ActorID(focus), depth: depth) }
        guard let engine = LayoutEngine(rawValue: engine) else { throw ValidationError("unknown engine") }
        // What `actorgraph render -o x.svg` draws: no data attributes (they are invisible in SVG).
        var options = DiagramOptions()
        options.dataAttributes = false
        options.legend = !noLegend
        let extra = try graphAttribute.map { pair -> DrawingGraph.Attribute in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--graph-attribute takes key=value, got \(pair)") }
            return DrawingGraph.Attribute(parts[0], parts[1])
        }
        func draw() -> DrawingGraph {
            var drawing = DiagramBuilder.drawing(of: graph, options: options)
            drawing.graphAttributes += extra
            return drawing
        }
        try DOTWriter.text(for: draw()).write(toFile: dotFile, atomically: true, encoding: .utf8)
        var size = 0
        _ = try GraphvizRenderer.render(draw(), engine: engine, format: .svg)  // warm-up
        var drawingTimes: [Double] = []
        let inProcess = try (0..<repeats).map { _ in
            try seconds {
                var drawing = DrawingGraph(name: "")
                drawingTimes.append(seconds { drawing = draw() })
                size = try GraphvizRenderer.render(drawing, engine: engine, format: .svg).data.count
            }
        }
        let program = try resolveProgram(engine.rawValue)
        let cli = try (0..<repeats).map { _ in
            try seconds { try runToCompletion(program, ["-Tsvg", dotFile, "-o", "/dev/null"]) }
        }
        let a = median(inProcess), b = median(cli)
        print("{\"graph\": \"\(file)\", \"actors\": \(graph.actors.count), \"relations\": \(graph.relations.count), "
              + "\"engine\": \"\(engine.rawValue)\", \"repeats\": \(repeats), \"svg_bytes\": \(size), "
              + "\"in_process_s\": \(a), \"of_which_drawing_s\": \(median(drawingTimes)), "
              + "\"cli_s\": \(b), \"cli_over_in_process\": \(b / a)}")
    }
}

/// The absolute path of `name` on PATH, found once, outside the timed region.
func resolveProgram(_ name: String) throws -> String {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    throw ValidationError("\(name) is not on PATH")
}

/// Runs a program (its path as argv[0], which tells Graphviz's programs their engine) and waits
/// for it with posix_spawn and waitpid, stderr to /dev/null.
/// (Foundation's `Process.waitUntilExit` polls every 50 ms on Linux, which rounded the program's
/// time up to the next 50 ms and flattered the in-process side.)
func runToCompletion(_ path: String, _ arguments: [String]) throws {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard rc == 0 else { throw ValidationError("cannot start \(path): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    // Exited normally (low 7 bits 0) with status 0.
    guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else { throw ValidationError("\(path) failed (status \(status))") }
}

/// Builds the drawing of one graph many times, as `actorgraph render` does (profiles our side of a render).
struct DrawingLoop: ParsableCommand {
    @Argument var file: String
    @Option var count = 1000

    func run() throws {
        let graph = try loadBenchGraph(file)
        var nodes = 0
        var options = DiagramOptions()
        options.dataAttributes = false  // as `actorgraph render` draws
        let t = seconds { for _ in 0..<count { nodes += DiagramBuilder.drawing(of: graph, options: options).nodes.count } }
        print("{\"drawings\": \(count), \"nodes\": \(nodes), \"per_drawing_s\": \(t / Double(count))}")
    }
}

/// The analysis operations of scripts/bench, in process, on an edges table: one JSON line per
/// operation with its median time over `repeats` (one run for operations over 15 s).
struct Analysis: ParsableCommand {
    @Argument var file: String
    @Option(help: "Comma-separated: load, degree, bc_dir, bc_undir, bc_dir_2t, bc_undir_2t, bc_sample_dir, bc_sample_undir, closeness, harmonic (and _2t), pagerank, sp_bfs, louvain, cc_weak, cc_strong")
    var ops: String
    @Option var repeats = 3
    @Option(help: "Sources for the bc_sample ops.") var samples = 1000

    func run() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        var directed: AnalysisGraph?
        var undirected: AnalysisGraph?
        func timed(_ op: String, _ body: () throws -> Void) rethrows {
            var times: [Double] = []
            for _ in 0..<repeats {
                times.append(try seconds(body))
                if times.last! > 15 { break }
            }
            print("{\"tool\": \"actorgraph\", \"op\": \"\(op)\", \"seconds\": \(median(times)), \"runs\": \(times.count)}")
            fflush(nil)
        }
        func directedGraph() throws -> AnalysisGraph {
            if let directed { return directed }
            directed = try EdgeTableLoader.load(bytes, file: file, directed: true).graph
            return directed!
        }
        func undirectedGraph() throws -> AnalysisGraph {
            if let undirected { return undirected }
            undirected = try EdgeTableLoader.load(bytes, file: file, directed: false).graph
            return undirected!
        }
        for op in ops.split(separator: ",").map(String.init) {
            switch op {
            case "load":
                try timed(op) { directed = try EdgeTableLoader.load(bytes, file: file, directed: true, useWeights: true).graph }
            case "degree":
                let g = try directedGraph()
                timed(op) { _ = g.degreeCentrality() }
            case "bc_dir", "bc_dir_2t":
                let g = try directedGraph()
                var options = BetweennessOptions(normalized: true)
                options.singleThreaded = !op.hasSuffix("_2t")
                timed(op) { _ = g.betweennessCentrality(options: options) }
            case "bc_undir", "bc_undir_2t":
                let g = try undirectedGraph()
                var options = BetweennessOptions(normalized: true)
                options.singleThreaded = !op.hasSuffix("_2t")
                timed(op) { _ = g.betweennessCentrality(options: options) }
            case "bc_sample_dir", "bc_sample_undir", "bc_sample_dir_2t", "bc_sample_undir_2t":
                let g = op.contains("undir") ? try undirectedGraph() : try directedGraph()
                var options = BetweennessOptions(normalized: true, sampleSize: samples)
                options.singleThreaded = !op.hasSuffix("_2t")
                timed(op) { _ = g.betweennessCentrality(options: options) }
            case "closeness", "closeness_2t", "harmonic", "harmonic_2t":
                // Unweighted, on the undirected view, as the peers (scripts/benchmarks/peers.py).
                let g = try undirectedGraph()
                let parallel = op.hasSuffix("_2t")
                if op.hasPrefix("closeness") {
                    timed(op) { _ = g.closenessCentrality(parallel: parallel) }
                } else {
                    timed(op) { _ = g.harmonicCentrality(parallel: parallel) }
                }
            case "pagerank":
                let g = try directedGraph()
                timed(op) { _ = g.pageRank() }
            case "sp_bfs":
                let g = try directedGraph()
                var rng = SplitMix64(seed: 1)
                let pairs = (0..<1000).map { _ in (Int.random(in: 0..<g.nodeCount, using: &rng), Int.random(in: 0..<g.nodeCount, using: &rng)) }
                let finder = PathFinder(g)
                _ = finder.shortestPath(from: 0, to: 1)  // builds the reverse-entry map once
                timed(op) { for (s, t) in pairs { _ = finder.shortestPath(from: s, to: t) } }
            case "louvain":
                let g = try undirectedGraph()
                var q = 0.0
                timed(op) { q = g.louvain().modularity }
                print("{\"tool\": \"actorgraph\", \"op\": \"louvain_modularity\", \"value\": \(q)}")
            case "cc_weak":
                let g = try directedGraph()
                timed(op) { _ = g.weakComponentMembership() }
            case "cc_strong":
                let g = try directedGraph()
                timed(op) { _ = g.strongComponentMembership() }
            default:
                throw ValidationError("unknown op \(op)")
            }
        }
    }
}
