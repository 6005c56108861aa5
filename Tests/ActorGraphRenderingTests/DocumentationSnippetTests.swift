import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import Foundation
import Testing

/// The code of the article "Render a diagram" (Sources/ActorGraphRendering/ActorGraphRendering.docc),
/// copied here verbatim so that it compiles against the public API only (plain imports: no
/// @testable, no @_spi) and runs. DocumentationSyncTests checks that it still appears here.
struct RenderingDocumentationSnippetTests {
    /// The graph of ActorGraphCore's article "Build a graph in code", in short.
    static func harbourGraph() -> ActorGraph {
        let report: DocumentID = "harbour-report"
        func relation(_ source: ActorID, _ type: RelationType, _ target: ActorID, _ modality: Modality, _ quote: String)
            -> Relation {
            Relation(id: Relation.defaultID(source: source, type: type, target: target), source: source, target: target,
                     type: type, date: PartialDate("2024-05"), modality: modality,
                     evidence: [Evidence(document: report, quote: quote)])
        }
        return ActorGraph(
            title: "The harbour talks", documents: [Document(id: report, path: "harbour-report.txt")],
            actors: [
                ActorNode(id: "arden-gov", name: "Government of Arden", kind: .government),
                ActorNode(id: "coast-league", name: "Coast League", kind: .organization),
                ActorNode(id: "hill-brigade", name: "Hill Brigade", kind: .militia),
                ActorNode(id: "mara-voss", name: "Mara Voss", kind: .person,
                          memberOf: [Membership(actor: "coast-league", role: "spokeswoman")]),
                ActorNode(id: "north-council", name: "Northern Council", kind: .international),
            ],
            relations: [
                relation("arden-gov", .hosts, "coast-league", .asserted, "Arden has hosted the League's office"),
                relation("hill-brigade", .supports, "coast-league", .reported, "the Brigade is said to fund the League"),
                relation("mara-voss", .meets, "arden-gov", .asserted, "Voss met the interior minister"),
                relation("north-council", .opposes, "hill-brigade", .asserted, "The Council condemned the raids"),
                relation("north-council", .opposes, "coast-league", .reported, "the Council barred the League"),
                relation("mara-voss", .opposes, "north-council", .possible, "Voss may walk out of the talks"),
                relation("arden-gov", .supports, "north-council", .asserted, "Arden has backed the Council"),
            ])
    }

    @Test func renderADiagram() throws {
        let graph = Self.harbourGraph()

        let drawing = DiagramBuilder.drawing(of: graph, options: DiagramOptions(dataAttributes: false))
        let svg = try GraphvizRenderer.render(drawing, engine: .dot, format: .svg)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("harbour.svg")
        try svg.data.write(to: file)
        for warning in svg.warnings { print("graphviz:", warning) }
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.warnings.isEmpty)
        #expect(text.contains("id=\"coast&#45;league\"") && text.contains("Arden has hosted the League&#39;s office"))
        try? FileManager.default.removeItem(at: file)

        let support = graph.view(RelationFilter(types: [.supports, .hosts])).subgraph
        let around = graph.neighborhood(of: "coast-league", depth: 1)
        let options = DiagramOptions(cluster: true, highlight: ["coast-league"], dataAttributes: false)
        for (name, part) in [("support", support), ("around", around)] {
            let engine = LayoutEngine.automatic(nodeCount: part.actors.count)
            let pdf = try GraphvizRenderer.render(DiagramBuilder.drawing(of: part, options: options),
                                                  engine: engine, format: .pdf)
            print(name, part.actors.count, "actors,", pdf.data.count, "bytes of PDF")
        }
        #expect(support.actors.count == 4 && around.actors.count == 4)
        let pdf = try GraphvizRenderer.render(DiagramBuilder.drawing(of: around, options: options), engine: .dot, format: .pdf)
        #expect(pdf.data.starts(with: Array("%PDF".utf8)))

        let layout = try GraphvizRenderer.layout(drawing, engine: .neato)
        for node in layout.nodes where node.name == "coast-league" {
            print(node.name, node.center.x, node.center.y)
        }
        #expect(layout.nodes.contains { $0.name == "coast-league" } && layout.engine == "neato")

        let dot = DOTWriter.text(for: graph)
        let back = try DOTImporter.graph(fromDOT: dot, file: "harbour.dot")
        print(back.graph.relations.count)   // 7
        #expect(back.graph == graph.canonicalized())
    }
}
