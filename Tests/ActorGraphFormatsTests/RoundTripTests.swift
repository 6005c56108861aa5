import ActorGraphCore
import ActorGraphFormats
import Foundation
import Testing
import TestSupport

/// Write-then-read gives an equal graph, in every syntax, on the seed graph and random graphs
/// full of awkward names.
struct RoundTripTests {
    static func seed() throws -> ActorGraph {
        try GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph).graph
    }

    static func reparse(_ text: String, name: String) throws -> ActorGraph {
        try GraphFileReader.parse(bytes: Array(text.utf8), file: name, baseDirectory: nil).graph
    }

    static func viaCSV(_ graph: ActorGraph) throws -> ActorGraph {
        let tables = CSVGraph.tables(for: graph)
        return try CSVGraph.graph(edges: .init(file: "edges.csv", bytes: Array(tables.edges.utf8)),
                                  nodes: .init(file: "nodes.csv", bytes: Array(tables.nodes.utf8)),
                                  documents: .init(file: "documents.csv", bytes: Array(tables.documents.utf8)))
    }

    @Test func seedGraphYAMLToYAML() throws {
        let graph = try Self.seed()
        let text = GraphFileWriter.text(for: graph, syntax: .yaml)
        let again = try Self.reparse(text, name: "seed.yaml")
        #expect(again == graph.canonicalized())
        // Deterministic: writing the re-read graph gives the same bytes.
        #expect(GraphFileWriter.text(for: again, syntax: .yaml) == text)
    }

    @Test func seedGraphYAMLToJSONToYAML() throws {
        let graph = try Self.seed()
        let json = GraphFileWriter.text(for: graph, syntax: .json)
        let fromJSON = try Self.reparse(json, name: "seed.json")
        #expect(fromJSON == graph.canonicalized())
        // The JSON is real JSON, not only YAML: Foundation's strict parser accepts it.
        _ = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let yaml = GraphFileWriter.text(for: fromJSON, syntax: .yaml)
        #expect(try Self.reparse(yaml, name: "seed.yaml") == graph.canonicalized())
    }

    @Test func seedGraphCSVToGraphToCSV() throws {
        let graph = try Self.seed()
        let first = CSVGraph.tables(for: graph)
        let back = try Self.viaCSV(graph)
        #expect(back.actors == graph.canonicalized().actors)
        #expect(back.relations == graph.canonicalized().relations)
        let second = CSVGraph.tables(for: back)
        #expect(second.nodes == first.nodes)
        #expect(second.edges == first.edges)
        #expect(second.documents == first.documents)
    }

    @Test(arguments: 1...12)
    func randomGraphRoundTrips(seed: UInt64) throws {
        let graph = randomGraph(seed: seed).canonicalized()
        for syntax in GraphFileWriter.Syntax.allCases {
            let text = GraphFileWriter.text(for: graph, syntax: syntax)
            #expect(try Self.reparse(text, name: "random.\(syntax.rawValue)") == graph, "syntax \(syntax)")
        }
        let viaCSV = try Self.viaCSV(graph)
        // CSV has no graph title or description; everything else comes back.
        var expected = graph
        expected.title = nil
        expected.description = nil
        #expect(viaCSV == expected)
    }

    @Test func awkwardIdentifiersRoundTrip() throws {
        var graph = ActorGraph(title: "ids")
        for (k, name) in awkwardNames.enumerated() where !name.isEmpty && name.trimmingCharacters(in: .whitespaces) == name {
            graph.actors.append(ActorNode(id: ActorID(name), name: name, kind: .group,
                                          aliases: [name + ";" + name, "a:b\\c"],
                                          memberOf: k > 0 ? [Membership(actor: ActorID(awkwardNames[0]), role: "r:o;l\\e")] : []))
        }
        for (a, b) in zip(graph.actors, graph.actors.dropFirst()) {
            graph.relations.append(Relation(id: RelationID("\(a.id)→\(b.id)"), source: a.id, target: b.id,
                                            type: .supports, label: b.name))
        }
        let canonical = graph.canonicalized()
        for syntax in GraphFileWriter.Syntax.allCases {
            let text = GraphFileWriter.text(for: graph, syntax: syntax)
            #expect(try Self.reparse(text, name: "ids.\(syntax.rawValue)") == canonical)
        }
        var expected = canonical
        expected.title = nil
        #expect(try Self.viaCSV(graph) == expected)
    }

    @Test func relationsWithoutIDsGetStableDerivedIDs() throws {
        let text = """
            actors:
              - {id: a, name: A, kind: group}
              - {id: b, name: B, kind: group}
            relations:
              - {source: a, target: b, type: meets}
              - {source: a, target: b, type: meets}
              - {id: a-meets-b-3, source: b, target: a, type: supports}
              - {source: a, target: b, type: meets}
            """
        let graph = try Self.reparse(text, name: "ids.yaml")
        #expect(graph.relations.map(\.id.rawValue) == ["a-meets-b", "a-meets-b-2", "a-meets-b-3", "a-meets-b-4"])
    }
}
