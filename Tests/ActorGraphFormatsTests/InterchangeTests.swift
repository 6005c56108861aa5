import ActorGraphCore
@testable import ActorGraphFormats
import Foundation
import Testing
import TestSupport

/// Export → import through every interchange format that carries the model, with awkward names;
/// the real readers (networkx, igraph, pandas, xmllint on the GEXF 1.3 XSD) on the same files.
struct InterchangeTests {
    enum Carrier: String, CaseIterable, Sendable { case graphml, gexf, nodelink, cytoscape, gephi, kumu }

    /// Writes `graph` in `format` into `folder`; returns the path to import (a file, or edges.csv).
    static func write(_ graph: ActorGraph, _ format: InterchangeFormat, in folder: URL) throws -> (String, String?) {
        let output = format.export(graph)
        if format.isFolder {
            for file in output.files { try file.text.write(to: folder.appendingPathComponent(file.name), atomically: true, encoding: .utf8) }
            return (folder.appendingPathComponent("edges.csv").path, folder.appendingPathComponent("nodes.csv").path)
        }
        let path = folder.appendingPathComponent("graph.\(format.rawValue)").path
        try output.files[0].text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, nil)
    }

    static func read(_ format: Carrier, _ path: String, nodes: String?) throws -> LoadedGraph {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        switch format {
        case .graphml: return try GraphMLFormat.graph(from: bytes, file: path)
        case .gexf: return try GEXFFormat.graph(from: bytes, file: path)
        case .nodelink, .cytoscape: return try JSONGraphFormats.graph(from: bytes, file: path)
        case .gephi, .kumu:
            let nodeBytes = Array(try Data(contentsOf: URL(fileURLWithPath: nodes!)))
            return try SpreadsheetFormats.graph(edges: .init(file: path, bytes: bytes), nodes: .init(file: nodes!, bytes: nodeBytes))
        }
    }

    /// What a format cannot carry: GEXF has no title, corpus or document metadata; the tables no
    /// graph fields or document metadata. Documents come back from the evidence, path = id.
    static func comparable(_ graph: ActorGraph, _ format: Carrier) -> ActorGraph {
        var g = graph.canonicalized()
        switch format {
        case .graphml, .nodelink, .cytoscape: return g
        case .gexf: g.title = nil; g.corpus = nil
        case .gephi, .kumu: g.title = nil; g.corpus = nil; g.description = nil
        }
        let cited = Set(g.relations.flatMap { $0.evidence.map(\.document) })
        g.documents = g.documents.filter { cited.contains($0.id) }.map { Document(id: $0.id, path: $0.id.rawValue) }
        return g
    }

    @Test(arguments: Carrier.allCases, [UInt64(1), 7, 23])
    func exportThenImportGivesTheSameGraph(format: Carrier, seed: UInt64) throws {
        let graph = randomGraph(seed: seed, actors: 25, relations: 60)
        let folder = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, nodes) = try Self.write(graph, InterchangeFormat(rawValue: format.rawValue)!, in: folder)
        let back = try Self.read(format, path, nodes: nodes).graph.canonicalized()
        let expected = Self.comparable(graph, format)
        #expect(back.actors == expected.actors)
        #expect(back.relations == expected.relations)
        #expect(back.documents.map(\.id) == expected.documents.map(\.id))
        if [.graphml, .nodelink, .cytoscape].contains(format) { #expect(back == expected) }
    }

    @Test func xmlIllegalCharactersAreRemovedAndCounted() throws {
        let graph = ActorGraph(actors: [ActorNode(id: "a\u{1}b", name: "bell\u{7} & <tag> \"q\"\r\n\ttab", kind: .group),
                                        ActorNode(id: "c", name: "c", kind: .person)],
                               relations: [Relation(id: "r", source: "a\u{1}b", target: "c", type: .meets)])
        for (format, output) in [("graphml", GraphMLFormat.text(for: graph)), ("gexf", GEXFFormat.text(for: graph))] {
            #expect(output.removedCharacters == 3, "\(format)")
            let bytes = Array(output.text.utf8)
            let back = format == "gexf" ? try GEXFFormat.graph(from: bytes, file: "g") : try GraphMLFormat.graph(from: bytes, file: "g")
            #expect(back.graph.actors.map(\.name).sorted() == ["bell & <tag> \"q\"\r\n\ttab", "c"], "\(format)")
            #expect(back.graph.actors.map(\.id.rawValue).sorted() == ["ab", "c"], "\(format)")
        }
    }

    @Test func gexfIsValidAgainstTheSchema() throws {
        let schema = RepositoryPaths.root.deletingLastPathComponent().appendingPathComponent("shared/data/gexf-1.3/gexf.xsd")
        guard FileManager.default.fileExists(atPath: schema.path), FileManager.default.fileExists(atPath: "/usr/bin/xmllint") else {
            print("skipped: needs ../shared/data/gexf-1.3/gexf.xsd and xmllint (libxml2-utils)")
            return
        }
        let folder = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (k, graph) in [randomGraph(seed: 3), try GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph).graph].enumerated() {
            let file = folder.appendingPathComponent("g\(k).gexf")
            try GEXFFormat.text(for: graph).text.write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            process.arguments = ["--noout", "--schema", schema.path, file.path]
            let err = Pipe()
            process.standardError = err
            try process.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(message)")
        }
    }

    @Test(arguments: ["gexf", "graphml", "nodelink", "cytoscape"])
    func pythonReadersSeeEveryNodeEdgeAndAttribute(format: String) throws {
        guard PythonOracle.has("networkx", "igraph") else {
            print("skipped: networkx and igraph are not installed (scripts/test installs them into .build/pyvenv)")
            return
        }
        let graph = randomGraph(seed: 5, actors: 20, relations: 50).canonicalized()
        let folder = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _) = try Self.write(graph, InterchangeFormat(rawValue: format)!, in: folder)
        let (status, out, err) = try PythonOracle.run("scripts/checks/interchange_via_python.py", [format, path])
        try #require(status == 0, "\(err)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(seen["nodes"] as? Int == graph.actors.count)
        #expect(seen["edges"] as? Int == graph.relations.count)
        #expect(seen["multigraph"] as? Bool == true)
        let names = seen["names"] as? [String: String] ?? [:]
        for actor in graph.actors { #expect(names[actor.id.rawValue] == actor.name, "\(format) \(actor.id)") }
        let edges = seen["edges_by_key"] as? [String: [String: Any]] ?? [:]
        for r in graph.relations {
            let e = edges[r.id.rawValue]
            #expect(e?["type"] as? String == r.type.rawValue, "\(format) \(r.id)")
            #expect(e?["source"] as? String == r.source.rawValue)
            #expect(e?["label"] as? String == r.label)
            #expect((e?["weight"] as? Double) == r.weight)
        }
        if format == "graphml", let ig = seen["igraph"] as? [String: Any] {
            #expect(ig["nodes"] as? Int == graph.actors.count)
            #expect(ig["edges"] as? Int == graph.relations.count)
            #expect(ig["types"] as? [String] == graph.relations.map(\.type.rawValue).sorted())
        }
    }

    @Test(arguments: ["gephi", "kumu", "neo4j", "graphframes"])
    func pandasReadsTheTables(format: String) throws {
        guard PythonOracle.has("pandas") else { print("skipped: pandas is not installed"); return }
        let graph = randomGraph(seed: 9, actors: 20, relations: 40)
        let folder = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.write(graph, InterchangeFormat(rawValue: format)!, in: folder)
        let (status, out, err) = try PythonOracle.run("scripts/checks/interchange_via_python.py", [format, folder.path])
        try #require(status == 0, "\(err)")
        let tables = (try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])?["tables"] as? [String: [Int]] ?? [:]
        let rows = tables.values.map { $0[0] }.sorted()
        #expect(rows == [graph.actors.count, graph.relations.count].sorted(), "\(tables)")
    }

    @Test func tablesMatchHeadersWithoutCaseAndDefaultTheType() throws {
        let edges = "SOURCE,Target,Weight\nhamas,iraq-gov,2\niraq-gov,hamas,\n"
        let loaded = try SpreadsheetFormats.graph(edges: .init(file: "e.csv", bytes: Array(edges.utf8)),
                                                  options: ImportOptions(type: .opposes))
        #expect(loaded.graph.relations.map(\.type) == [.opposes, .opposes])
        #expect(loaded.graph.relations.map(\.weight) == [2, nil])
        #expect(loaded.warnings.map(\.message).contains("2 edges without a 'type' attribute; defaulted to opposes"))
        let gephi = "Source,Target,Type\na,b,Undirected\na,b,Directed\n"
        let g = try SpreadsheetFormats.graph(edges: .init(file: "g.csv", bytes: Array(gephi.utf8))).graph
        #expect(g.relations.map(\.type) == [.meets, .supports])
    }

    @Test func nodeLinkAcceptsTheOldLinksKey() throws {
        let json = #"{"directed": true, "multigraph": false, "graph": {}, "nodes": [{"id": 1}, {"id": 2, "name": "Two"}], "links": [{"source": 1, "target": 2, "type": "hosts"}]}"#
        let g = try JSONGraphFormats.graph(from: Array(json.utf8), file: "n.json").graph
        #expect(g.actors.map(\.name) == ["1", "Two"])
        #expect(g.relations.map(\.type) == [.hosts])
    }
}
