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
            dot up to \(LayoutEngine.dotLimit) actors and sfdp beyond, unless --engine says otherwise. \
            Force-directed engines (sfdp, neato, fdp) remove node overlaps (overlap=prism, sep=+4) and \
            print the legend above the layout. --graph-attribute, --node-attribute and --edge-attribute \
            pass Graphviz attributes through (overlap=scale, splines=false, fontsize=9…).
            """)

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output file (.svg, .png, .pdf, .json, .dot), or - for stdout (then --format is needed).")
    var output: String

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi.")
    var engine: LayoutEngine?

    @Option(help: "Output format: svg, png, pdf, json or dot (default: from the output's extension).")
    var format: OutputFormat?

    @OptionGroup var view: ViewOptions

    func validate() throws {
        if format == nil && OutputFormat(pathExtension: URL(fileURLWithPath: output).pathExtension) == nil {
            throw ValidationError("cannot tell the format from '\(output)': give --format (svg, png, pdf, json, dot)")
        }
    }

    func run() throws {
        let graph = try input.load()
        let format = self.format ?? OutputFormat(pathExtension: URL(fileURLWithPath: output).pathExtension)!
        // Data attributes are invisible in pictures; positioned dot and json keep them.
        let (shown, drawing, engine) = try view.drawing(of: graph, engine: engine) {
            $0.dataAttributes = format == .dot || format == .json
        }
        let result = try GraphvizRenderer.render(drawing, engine: engine, format: format)
        for warning in result.warnings { printError("graphviz: warning: \(warning)") }
        try writeOutput(result.data, to: output)
        if output != "-" {
            printError("wrote \(output): \(shown.actors.count) actors, \(shown.relations.count) relations, \(engine.rawValue) layout, \(result.data.count) bytes")
        }
    }
}
