import ActorGraphCore
import ActorGraphFormats
@testable import ActorGraphRendering
import Foundation
import Testing
import TestSupport

/// Any DOT: Graphviz's own example graphs import whole; foreign attributes survive a round trip.
struct DOTInterchangeTests {
    static let examples = URL(fileURLWithPath: "/usr/share/doc/graphviz/examples/graphs")

    /// Every example graph (gzipped ones unpacked), with its node and edge counts from cgraph.
    @Test func everyGraphvizExampleImportsWithAllItsNodesAndEdges() throws {
        guard let files = FileManager.default.enumerator(atPath: Self.examples.path)?.allObjects as? [String], !files.isEmpty else {
            print("skipped: \(Self.examples.path) is absent (Debian package graphviz-doc)")
            return
        }
        var checked = 0
        for name in files.sorted() where name.hasSuffix(".gv") || name.hasSuffix(".gv.gz") {
            let url = Self.examples.appendingPathComponent(name)
            var bytes = Array(try Data(contentsOf: url))
            if name.hasSuffix(".gz") {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/gzip")
                process.arguments = ["-dc", url.path]
                let out = Pipe()
                process.standardOutput = out
                try process.run()
                bytes = Array(out.fileHandleForReading.readDataToEndOfFile())
                process.waitUntilExit()
            }
            let (text, _) = DOTImporter.decode(bytes)
            let data = try DOTImporter.data(fromDOT: text, file: name)
            let loaded = try DOTImporter.graph(fromDOT: bytes, file: name)
            #expect(loaded.graph.actors.count == data.nodes.count, "\(name)")
            #expect(loaded.graph.relations.count == data.edges.count, "\(name)")
            if !data.directed { #expect(loaded.graph.relations.allSatisfy { $0.type == .meets }, "\(name)") }
            checked += 1
        }
        #expect(checked >= 50)
    }

    @Test func foreignAttributesAreKeptAndWrittenBack() throws {
        let dot = """
            digraph G {
              node [shape=box];
              a [kind=proc, color="red"];
              b [label="B\\nline"];
              a -> b [weight=2, style=bold];
              a -> a;
            }
            """
        let loaded = try DOTImporter.graph(fromDOT: dot, file: "g.dot")
        let messages = loaded.warnings.map(\.description)
        #expect(messages.contains("g.dot: warning: 1 nodes with a foreign 'kind' value; defaulted to group (the value is kept in notes)"))
        #expect(messages.contains("g.dot:6: warning: relation joins 'a' to itself (kept; analysis leaves self-relations out)"))
        let a = try #require(loaded.graph.actors.first { $0.id == "a" })
        #expect(a.kind == .group)
        #expect(a.notes == #"attributes: {"color":"red","kind":"proc","shape":"box"}"#)
        #expect(loaded.graph.actors.first { $0.id == "b" }?.name == "B\nline")
        let edge = try #require(loaded.graph.relations.first { $0.target == "b" })
        #expect(edge.weight == nil)
        #expect(edge.notes == #"attributes: {"graphviz_weight":"2","style":"bold"}"#)
        let exported = DOTWriter.text(for: loaded.graph)
        #expect(exported.contains(#"weight="2""#))
        #expect(exported.contains(#"shape="box""#))
        let back = try DOTImporter.graph(fromDOT: exported, file: "back.dot").graph
        #expect(back.canonicalized() == loaded.graph.canonicalized())
    }

    @Test func latin1AndUndirectedGraphs() throws {
        var bytes = Array("graph G { charset=latin1; a [label=\"".utf8)
        bytes += [0xC9, 0x6C, 0xE9, 0x6E, 0x61]  // Éléna in Latin-1
        bytes += Array("\"]; a -- b; }".utf8)
        let loaded = try DOTImporter.graph(fromDOT: bytes, file: "l.gv")
        #expect(loaded.graph.actors.first { $0.id == "a" }?.name == "Éléna")
        #expect(loaded.graph.relations.map(\.type) == [.meets])
        let typed = try DOTImporter.graph(fromDOT: bytes, file: "l.gv", options: ImportOptions(type: .opposes))
        #expect(typed.graph.relations.map(\.type) == [.opposes])
        #expect(typed.graph.description == nil)
    }

    @Test func membershipEdgesCarryNoGraphvizWeight() throws {
        let graph = ActorGraph(actors: [ActorNode(id: "p", name: "P", kind: .person, memberOf: [Membership(actor: "o")]),
                                        ActorNode(id: "o", name: "O", kind: .organization)])
        let text = DOTWriter.text(for: graph)
        #expect(text.contains("membership=\"true\""))
        #expect(!text.contains("weight="))
    }
}
