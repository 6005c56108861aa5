import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
@testable import ActorGraphReport
import Foundation
import Testing
import TestSupport

func seed() throws -> ActorGraph {
    try GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph, options: .init(verifyEvidence: false)).graph
}

@Suite struct ReportPageTests {
    @Test func scriptSafeJSONLeavesNoWayOutOfTheScriptElement() throws {
        let text = "</script><!-- <script> & \u{2028}\u{2029} \"ok\""
        let json = String(decoding: try JSONEncoder().encode([text]), as: UTF8.self)
        let safe = scriptSafeJSON(json)
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] { #expect(!safe.contains(bad)) }
        // Still JSON, and still the same text.
        #expect(try JSONDecoder().decode([String].self, from: Data(safe.utf8)) == [text])
    }

    @Test func pageHoldsTheDrawingTheDataAndNoExternalReference() throws {
        let graph = try seed()
        let report = try ReportPage.report(of: graph)
        let html = report.html
        #expect(html.contains("connect-src 'none'"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains("{{"))
        for actor in graph.actors {
            #expect(html.contains("<g id=\"\(graphvizSVGText(actor.id.rawValue))\" class=\"node actor kind"), "node \(actor.id)")
        }
        for relation in graph.relations {
            #expect(html.contains("<g id=\"\(graphvizSVGText(relation.id.rawValue))\" class=\"edge relation"), "edge \(relation.id)")
        }
        // The data element parses back to the graph's relations.
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"ag-data\">"))
        let end = try #require(html[start.upperBound...].range(of: "</script>"))
        let data = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any]
        #expect((data?["relations"] as? [Any])?.count == graph.relations.count)
        #expect(data?["live"] as? Bool == false)
    }

    @Test func hostileNamesNeverCloseTheScriptOrReachMarkup() throws {
        var graph = ActorGraph(title: "</script><script>alert(1)</script>")
        graph.documents = [Document(id: "d", path: "d.txt")]
        graph.actors = [
            ActorNode(id: "evil", name: "<script>alert(2)</script>", kind: .group, aliases: ["</script><!--", "a\u{2028}b"]),
            ActorNode(id: "rtl", name: "حماس – חמאס", kind: .organization),
        ]
        graph.relations = [Relation(id: "r", source: "evil", target: "rtl", type: .supports,
                                    evidence: [Evidence(document: "d", quote: "<img src=x onerror=alert(3)> ]]> -->")])]
        let html = try ReportPage.report(of: graph).html
        // The only script elements are the page's two.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(!html.contains("<img"))
        #expect(html.contains("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(html.contains("حماس – חמאס"))
    }

    @Test func pageAssetsMatchThePageFiles() throws {
        for (file, text) in [("page.html", PageAssets.html), ("page.css", PageAssets.css), ("page.js", PageAssets.js)] {
            let disk = try String(contentsOf: RepositoryPaths.url("Sources/ActorGraphReport/Page/" + file), encoding: .utf8)
            #expect(disk == text, "the embedded \(file) is not the file on disk")
        }
    }

    @Test func inlineSVGDropsPrologAndComments() {
        let svg = ReportDrawing.inlineSVG("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- top -->\n<svg a=\"1\">\n<!-- x&#45;&gt; -->\n<g/></svg>\n")
        #expect(svg == "<svg a=\"1\">\n\n<g/></svg>\n")
    }
}

@Suite struct DrawingTuningTests {
    @Test func passthroughReplacesAndAdds() throws {
        let graph = try seed()
        var drawing = DiagramBuilder.drawing(of: graph)
        DrawingTuning.pass(&drawing, graph: [.init("overlap", "scale"), .init("rankdir", "TB")],
                           node: [.init("fontsize", "20")], edge: [.init("penwidth", "2")])
        #expect(drawing.graphAttributes.filter { $0.key == "rankdir" }.map(\.value) == ["TB"])
        #expect(drawing.graphAttributes.contains(.init("overlap", "scale")))
        let actor = try #require(drawing.nodes.first { $0.name == "hamas" })
        #expect(actor.attributes.filter { $0.key == "fontsize" }.map(\.value) == ["20"])
        let legend = try #require(drawing.nodes.first { $0.attributes.contains(.init("legend", "true")) })
        #expect(legend.attributes.filter { $0.key == "fontsize" }.map(\.value) == ["8"])
        #expect(DrawingTuning.attribute("k=v=w") == .init("k", "v=w"))
        #expect(DrawingTuning.attribute("novalue") == nil)
        #expect(DrawingTuning.attribute("=v") == nil)
    }

    @Test func forceDirectedLegendGoesAboveTheLayout() throws {
        let graph = try seed()
        var drawing = DiagramBuilder.drawing(of: graph)
        DrawingTuning.moveLegendOutside(&drawing, graph: graph)
        DrawingTuning.tune(&drawing, engine: .sfdp)
        #expect(!drawing.nodes.contains { $0.attributes.contains(.init("legend", "true")) })
        #expect(drawing.clusters.isEmpty)
        let label = try #require(drawing.graphAttributes.first { $0.key == "label" }?.value)
        #expect(label.contains("Relations: supports green arrow"))
        #expect(drawing.graphAttributes.contains(.init("overlap", "prism")))
        _ = try GraphvizRenderer.render(drawing, engine: .sfdp, format: .svg)
    }

    /// A seeded Barabási–Albert graph (as scripts/benchmarks/gen_ba.py makes), 3 edges per new actor.
    static func barabasiAlbert(_ n: Int, seed: UInt64 = 7) -> ActorGraph {
        var rng = SplitMix64(seed: seed)
        var graph = ActorGraph()
        graph.actors = (0..<n).map { ActorNode(id: ActorID("a\($0)"), name: "Actor \($0)", kind: ActorKind.allCases[$0 % 6]) }
        var repeated: [Int] = [0, 1, 2]
        var allocator = RelationIDAllocator()
        var taken = Set<RelationID>()
        for source in 3..<n {
            var targets = Set<Int>()
            while targets.count < 3 { targets.insert(repeated[Int.random(in: 0..<repeated.count, using: &rng)]) }
            for t in targets.sorted() {
                let type = RelationType.allCases[Int.random(in: 0..<4, using: &rng)]
                let id = allocator.next(source: ActorID("a\(source)"), type: type, target: ActorID("a\(t)")) { taken.contains($0) }
                taken.insert(id)
                graph.relations.append(Relation(id: id, source: ActorID("a\(source)"), target: ActorID("a\(t)"), type: type))
                repeated.append(t)
                repeated.append(source)
            }
        }
        return graph
    }

    @Test func aThousandActorsDrawWithNoTwoNodeBoxesOverlapping() throws {
        let graph = Self.barabasiAlbert(1000)
        let engine = LayoutEngine.automatic(nodeCount: graph.actors.count)
        #expect(engine == .sfdp)
        var drawing = DiagramBuilder.drawing(of: graph, options: DiagramOptions(legend: false))
        DrawingTuning.tune(&drawing, engine: engine)
        let layout = try GraphvizRenderer.layout(drawing, engine: engine)
        // Checked on the layout's JSON, as `actorgraph layout` writes it.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(layout.json.jsonText.utf8)) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.count == 1000)
        struct Box { var x0, y0, x1, y1: Double }
        let boxes = nodes.map { n -> Box in
            let x = n["x"] as! Double, y = n["y"] as! Double, w = n["width"] as! Double, h = n["height"] as! Double
            return Box(x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2)
        }.sorted { $0.x0 < $1.x0 }
        var overlaps = 0
        for i in boxes.indices {
            var j = i + 1
            while j < boxes.count && boxes[j].x0 < boxes[i].x1 {
                if boxes[j].y0 < boxes[i].y1 && boxes[i].y0 < boxes[j].y1 { overlaps += 1 }
                j += 1
            }
        }
        #expect(overlaps == 0)
    }
}

@Suite struct GraphDiffTests {
    @Test func begunEndedAndMovers() throws {
        var g = ActorGraph()
        g.actors = ["a", "b", "c", "d"].map { ActorNode(id: ActorID($0), name: $0.uppercased(), kind: .group) }
        g.relations = [
            Relation(id: "ab", source: "a", target: "b", type: .supports, date: PartialDate("2020")),
            Relation(id: "ac", source: "a", target: "c", type: .supports, date: PartialDate("2020-05"), until: PartialDate("2021-03")),
            Relation(id: "cd", source: "c", target: "d", type: .opposes, date: PartialDate("2021-02")),
            Relation(id: "bd", source: "b", target: "d", type: .meets, date: PartialDate("2021-06-01")),
            Relation(id: "bc", source: "b", target: "c", type: .meets, date: PartialDate("2022-01")),
            Relation(id: "undated", source: "a", target: "d", type: .meets),
        ]
        let diff = try GraphDiff(graph: g, from: PartialDate("2021-01")!, to: PartialDate("2021-12")!, top: 0)
        #expect(diff.begun.map(\.relation.id) == ["cd", "bd"])
        #expect(diff.ended.map(\.relation.id) == ["ac"])
        #expect(diff.actorsFrom == 3 && diff.actorsTo == 4)
        // As of 2021-01: a–b, a–c; as of 2021-12: a–b, c–d, b–d (a–c ended in March).
        let byID = Dictionary(uniqueKeysWithValues: diff.movers.map { ($0.actor, $0) })
        #expect(byID["d"]?.rankFrom == nil && byID["d"]?.rankTo != nil && byID["d"]?.change == nil)
        #expect(byID["c"]?.change != nil)
        #expect(byID.count == 4)
        let json = try AnswerOutput.json(diff)
        let back = try JSONDecoder().decode(GraphDiff.self, from: Data(json.utf8))
        #expect(back.movers == diff.movers)
        #expect(diff.text(RelationFormatter(g)).contains("Ended (1):"))
    }
}
