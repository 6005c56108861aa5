import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import ArgumentParser

struct LayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Lay a graph out with Graphviz and write the positions as JSON (node centres and sizes, edge splines, label positions, bounding box).")

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output JSON file, or - for stdout.")
    var output: String = "-"

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi.")
    var engine: LayoutEngine?

    @OptionGroup var view: ViewOptions

    func run() throws {
        let graph = try input.load()
        let (_, drawing, engine) = try view.drawing(of: graph, engine: engine) { $0.legend = false }
        let layout = try GraphvizRenderer.layout(drawing, engine: engine)
        for warning in layout.warnings { printError("graphviz: warning: \(warning)") }
        try writeOutput(layout.json.jsonText, to: output)
    }
}
