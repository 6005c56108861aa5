// The library from code, public API only: a graph built in code, a path question answered hop by
// hop with its quotes, and an SVG rendered through Graphviz. Usage: actorgraph-example [out.svg]
import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import Foundation

let report: DocumentID = "harbour-report"
func cites(_ quote: String) -> [Evidence] { [Evidence(document: report, quote: quote)] }

let graph = ActorGraph(
    title: "The harbour talks (a made-up example)",
    documents: [Document(id: report, path: "harbour-report.txt", title: "Talks at the harbour")],
    actors: [
        ActorNode(id: "arden-gov", name: "Government of Arden", kind: .government),
        ActorNode(id: "coast-league", name: "Coast League", kind: .organization),
        ActorNode(id: "hill-brigade", name: "Hill Brigade", kind: .militia),
        ActorNode(id: "mara-voss", name: "Mara Voss", kind: .person),
    ],
    relations: [
        Relation(id: "r1", source: "arden-gov", target: "coast-league", type: .hosts, date: PartialDate("2024-03"),
                 evidence: cites("Arden has hosted the Coast League's office since March")),
        Relation(id: "r2", source: "hill-brigade", target: "coast-league", type: .supports,
                 date: PartialDate("2024-05"), modality: .reported,
                 evidence: cites("the Hill Brigade is said to fund the League")),
        Relation(id: "r3", source: "mara-voss", target: "arden-gov", type: .opposes, date: PartialDate("2024"),
                 modality: .possible, evidence: cites("Voss may break with the government")),
    ])

// How is Arden's government connected to the Hill Brigade? Every hop cites its quotes.
let answer = try graph.view(mode: .undirected).paths(from: "arden-gov", to: "hill-brigade")
print(answer.text(RelationFormatter(graph)), terminator: "")

// The whole graph as an SVG (tooltips carry the evidence).
let drawing = DiagramBuilder.drawing(of: graph, options: DiagramOptions(dataAttributes: false))
let svg = try GraphvizRenderer.render(drawing, engine: .dot, format: .svg)
let output = CommandLine.arguments.dropFirst().first ?? "example.svg"
try svg.data.write(to: URL(fileURLWithPath: output))
print("wrote \(output): \(graph.actors.count) actors, \(svg.data.count) bytes")
