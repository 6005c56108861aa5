import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import ActorGraphReport
import ArgumentParser
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an interactive report: one self-contained HTML file with the drawing and the graph, for any browser, offline.",
        discussion: """
            The page holds the Graphviz SVG drawn in process and the graph as JSON, and needs nothing \
            else: no network, no external script. Pan and zoom; click an actor or a relation for its \
            relations and quotes; filter by relation type, modality and actor kind; move the "as of" \
            slider; search names and aliases; find a path between two actors (breadth-first, \
            undirected unless asked, on the filtered view, as `path` answers); read the timeline of \
            relations per month. The view options choose what the report holds (--focus, --as-of…).
            """)

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output HTML file, or - for stdout.")
    var output: String

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi.")
    var engine: LayoutEngine?

    @OptionGroup var view: ViewOptions

    func run() throws {
        let graph = try input.load()
        let shown = try view.apply(to: graph)
        let p = try view.passthrough.attributes()
        // The view is already applied: the drawing request only carries the look.
        let request = DrawingRequest(engine: engine, highlight: try view.diagramOptions(in: graph).highlight,
                                     graphAttributes: p.graph, nodeAttributes: p.node, edgeAttributes: p.edge)
        let report = try ReportPage.report(of: shown, request: request)
        for warning in report.warnings { printError("graphviz: warning: \(warning)") }
        try writeOutput(report.html, to: output)
        if output != "-" {
            printError("wrote \(output): \(shown.actors.count) actors, \(shown.relations.count) relations, \(report.html.utf8.count) bytes")
        }
    }
}
