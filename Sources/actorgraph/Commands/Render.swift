import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import ArgumentParser
import Foundation

extension LayoutEngine: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a graph through the Graphviz C library, in process: svg, png, pdf, json or positioned dot.",
        discussion: """
            Shape and colour show the actor kind, colour and arrowhead the relation type; dashed lines \
            are reported claims, dotted ones possible, faded dotted ones denied. A legend lists what is \
            present. SVG tooltips carry each relation's label, date, modality and quotes. The engine is \
            dot up to \(LayoutEngine.dotLimit) actors and sfdp beyond, unless --engine says otherwise.
            """)

    @Argument(help: "A graph file.")
    var file: String

    @Option(name: .shortAndLong, help: "Output file (.svg, .png, .pdf, .json, .dot), or - for stdout (then --format is needed).")
    var output: String

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi.")
    var engine: LayoutEngine?

    @Option(help: "Output format: svg, png, pdf, json or dot (default: from the output's extension).")
    var format: OutputFormat?

    @OptionGroup var view: ViewOptions

    @Flag(help: "Do not read the cited documents (skip quote verification).")
    var noQuotes = false

    func validate() throws {
        if format == nil && OutputFormat(pathExtension: URL(fileURLWithPath: output).pathExtension) == nil {
            throw ValidationError("cannot tell the format from '\(output)': give --format (svg, png, pdf, json, dot)")
        }
    }

    func run() throws {
        let graph = try loadGraph(file, verifyEvidence: !noQuotes).graph
        let format = self.format ?? OutputFormat(pathExtension: URL(fileURLWithPath: output).pathExtension)!
        // Data attributes are invisible in pictures; positioned dot and json keep them.
        let (shown, drawing) = try view.drawing(of: graph) { $0.dataAttributes = format == .dot || format == .json }
        let engine = self.engine ?? .automatic(nodeCount: shown.actors.count)
        do {
            let result = try GraphvizRenderer.render(drawing, engine: engine, format: format)
            for warning in result.warnings { printError("graphviz: warning: \(warning)") }
            if output == "-" {
                FileHandle.standardOutput.write(result.data)
            } else {
                try AtomicFile.write(result.data, to: URL(fileURLWithPath: output))
                printError("wrote \(output): \(shown.actors.count) actors, \(shown.relations.count) relations, \(engine.rawValue) layout, \(result.data.count) bytes")
            }
        } catch {
            throw report(error)
        }
    }
}

struct LayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Lay a graph out with Graphviz and write the positions as JSON (node centres and sizes, edge splines, label positions, bounding box).")

    @Argument(help: "A graph file.")
    var file: String

    @Option(name: .shortAndLong, help: "Output JSON file, or - for stdout.")
    var output: String = "-"

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi.")
    var engine: LayoutEngine?

    @OptionGroup var view: ViewOptions

    @Flag(help: "Do not read the cited documents (skip quote verification).")
    var noQuotes = false

    func run() throws {
        let graph = try loadGraph(file, verifyEvidence: !noQuotes).graph
        let (shown, drawing) = try view.drawing(of: graph) { $0.legend = false }
        do {
            let layout = try GraphvizRenderer.layout(drawing, engine: engine ?? .automatic(nodeCount: shown.actors.count))
            for warning in layout.warnings { printError("graphviz: warning: \(warning)") }
            try writeOutput(layout.json.jsonText, to: output)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw report(error)
        }
    }
}
