import ActorGraphCore
import ActorGraphFormats
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
        subcommands: [RenderLoop.self, RenderVersusCLI.self, DrawingLoop.self])
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

    func run() throws {
        let graph = try loadBenchGraph(file)
        guard let engine = LayoutEngine(rawValue: engine) else { throw ValidationError("unknown engine") }
        // What `actorgraph render -o x.svg` draws: no data attributes (they are invisible in SVG).
        var options = DiagramOptions()
        options.dataAttributes = false
        try DOTWriter.text(for: DiagramBuilder.drawing(of: graph, options: options)).write(toFile: dotFile, atomically: true, encoding: .utf8)
        var size = 0
        _ = try GraphvizRenderer.render(DiagramBuilder.drawing(of: graph, options: options), engine: engine, format: .svg)  // warm-up
        var drawingTimes: [Double] = []
        let inProcess = try (0..<repeats).map { _ in
            try seconds {
                var drawing = DrawingGraph(name: "")
                drawingTimes.append(seconds { drawing = DiagramBuilder.drawing(of: graph, options: options) })
                size = try GraphvizRenderer.render(drawing, engine: engine, format: .svg).data.count
            }
        }
        let cli = try (0..<repeats).map { _ in
            try seconds {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = [engine.rawValue, "-Tsvg", dotFile, "-o", "/dev/null"]
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else { throw ValidationError("\(engine.rawValue) failed") }
            }
        }
        let a = median(inProcess), b = median(cli)
        print("{\"graph\": \"\(file)\", \"actors\": \(graph.actors.count), \"relations\": \(graph.relations.count), "
              + "\"engine\": \"\(engine.rawValue)\", \"repeats\": \(repeats), \"svg_bytes\": \(size), "
              + "\"in_process_s\": \(a), \"of_which_drawing_s\": \(median(drawingTimes)), "
              + "\"cli_s\": \(b), \"cli_over_in_process\": \(b / a)}")
    }
}

/// Builds the drawing of one graph many times (profiles our side of a render).
struct DrawingLoop: ParsableCommand {
    @Argument var file: String
    @Option var count = 1000

    func run() throws {
        let graph = try loadBenchGraph(file)
        var nodes = 0
        let t = seconds { for _ in 0..<count { nodes += DiagramBuilder.drawing(of: graph).nodes.count } }
        print("{\"drawings\": \(count), \"nodes\": \(nodes), \"per_drawing_s\": \(t / Double(count))}")
    }
}
