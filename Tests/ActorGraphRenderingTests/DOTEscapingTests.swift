import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import Foundation
import Testing
import TestSupport

/// Every awkward name survives export to DOT and back: through cgraph's parser (our importer),
/// through the `dot` program's drawing, and through networkx's pydot reader.
struct DOTEscapingTests {
    static let names = awkwardNames.filter { !$0.isEmpty }

    /// Actors whose ids and names are the awkward names, chained by relations labelled with them.
    static func awkwardGraph() -> ActorGraph {
        var graph = ActorGraph(title: "escaping \"table\" \\ test")
        for name in names {
            graph.actors.append(ActorNode(id: ActorID(name), name: name, kind: .group, aliases: [name]))
        }
        for (a, b) in zip(names, names.dropFirst()) {
            graph.relations.append(Relation(id: RelationID("\(a)→\(b)"), source: ActorID(a), target: ActorID(b),
                                            type: .supports, label: b, notes: a))
        }
        return graph
    }

    @Test func exportThenImportThroughCgraphGivesAnEqualGraph() throws {
        let graph = Self.awkwardGraph()
        let dot = DOTWriter.text(for: graph)
        let back = try DOTImporter.graph(fromDOT: dot, file: "awkward.dot")
        #expect(back.graph.canonicalized() == graph.canonicalized())
        #expect(back.warnings.isEmpty, "\(back.warnings)")
    }

    @Test(arguments: 1...6)
    func randomGraphsRoundTripThroughDOT(seed: UInt64) throws {
        let graph = randomGraph(seed: seed)
        let back = try DOTImporter.graph(fromDOT: DOTWriter.text(for: graph), file: "random.dot").graph
        #expect(back.canonicalized() == graph.canonicalized())
    }

    @Test func seedGraphRoundTripsThroughDOT() throws {
        let graph = try GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph).graph
        let back = try DOTImporter.graph(fromDOT: DOTWriter.text(for: graph), file: "seed.dot").graph
        #expect(back.canonicalized() == graph.canonicalized())
    }

    @Test func theDotProgramDrawsEveryNameExactly() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let file = folder.appendingPathComponent("awkward.dot")
        try DOTWriter.text(for: Self.awkwardGraph()).write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-Tsvg", file.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let svg = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        // Single-line names without edge white space or control characters appear as one <text>.
        for name in Self.names where !name.contains(where: { $0.isNewline || $0 == "\t" || $0 == "\u{2028}" })
            && name.trimmingCharacters(in: .whitespaces) == name {
            #expect(svg.contains(">\(graphvizSVGText(name))</text>"), "\(name)")
        }
        // A name with a line break is drawn as two lines.
        #expect(svg.contains(">line</text>") && svg.contains(">break</text>"))
    }

    @Test(.enabled(if: PythonOracle.has("pydot", "networkx"),
                   "pydot or networkx is not installed for the test Python (scripts/test installs them)"))
    func networkxReadsEveryNameThroughPydot() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let file = folder.appendingPathComponent("awkward.dot")
        let graph = Self.awkwardGraph()
        try DOTWriter.text(for: graph).write(to: file, atomically: true, encoding: .utf8)
        let (status, out, err) = try PythonOracle.run("scripts/checks/dot_via_networkx.py", [file.path])
        #expect(status == 0, "\(err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [String: [String: String]])
        for name in Self.names {
            #expect(nodes[name]?["label"] == name, "node \(name.debugDescription)")
        }
        let edges = try #require(json["edges"] as? [[String: Any]])
        #expect(edges.count == graph.relations.count)
        for edge in edges {
            let attributes = edge["attributes"] as? [String: String] ?? [:]
            #expect(attributes["label"] == edge["head"] as? String, "edge label")
            #expect(attributes["notes"] == edge["tail"] as? String, "edge notes")
        }
    }

    @Test func writerGolden() throws {
        let graph = ActorGraph(
            title: "Golden",
            documents: [Document(id: "d", path: "d.txt")],
            actors: [ActorNode(id: "graph", name: "Graph \"1\"", kind: .militia, aliases: ["x;y"], country: "IQ"),
                     ActorNode(id: "b", name: "trail\\", kind: .person, memberOf: [Membership(actor: "graph", role: "r")])],
            relations: [Relation(id: "r1", source: "b", target: "graph", type: .meets, label: "met\nthen", date: PartialDate("2023-01"),
                                 modality: .reported, evidence: [Evidence(document: "d", quote: "q \"x\"")])])
        let expected = try String(contentsOf: RepositoryPaths.url("Tests/ActorGraphRenderingTests/Golden/golden.dot"), encoding: .utf8)
        #expect(DOTWriter.text(for: graph) == expected)
    }
}
