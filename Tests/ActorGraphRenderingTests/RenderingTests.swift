import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import Foundation
import Testing
import TestSupport

/// In-process rendering of the seed graph. Graphviz's bytes differ between versions, so SVG is
/// checked for structure (nodes, names, legend, tooltips), never byte-compared with a golden file.
struct RenderingTests {
    static let graph = try! GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph).graph
    static let drawing = DiagramBuilder.drawing(of: graph)

    static func svg() throws -> String {
        String(decoding: try GraphvizRenderer.render(drawing, engine: .dot, format: .svg).data, as: UTF8.self)
    }

    @Test func svgHasOneNodePerActorWithItsNameTheLegendAndQuotesInTooltips() throws {
        let svg = try Self.svg()
        #expect(svg.hasPrefix("<?xml"))
        // Legend nodes Graphviz draws (the invisible anchors of sample edges are not emitted).
        let legendNodes = Self.drawing.nodes.filter {
            $0.attributes.contains(.init("legend", "true")) && !$0.attributes.contains(.init("style", "invis"))
        }.count
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == Self.graph.actors.count + legendNodes)
        for actor in Self.graph.actors {
            // Each actor's group carries its id as the SVG element id, and its name as text.
            #expect(svg.contains("id=\"\(graphvizSVGText(actor.id.rawValue))\" class=\"node\""), "\(actor.id)")
            #expect(svg.contains(">\(graphvizSVGText(actor.name))</text>"), "\(actor.name)")
        }
        #expect(svg.contains(">Legend</text>"))
        for kind in Set(Self.graph.actors.map(\.kind)) { #expect(svg.contains(">\(kind.rawValue)</text>")) }
        // A quote, a modality and a date in an edge tooltip.
        #expect(svg.contains("xlink:title=\"Hamas supports→ Government of Iraq&#10;praised the rejection of normalization with Israel&#10;2021&#45;09&#45;25, asserted&#10;“On Saturday, Hamas praised the Iraqi government’s rejection of calls for normalization with Israel.” [000_737a97d50fff8d48]\""))
        // One SVG edge per relation and membership, parallel relations included.
        let memberships = Self.graph.actors.reduce(0) { $0 + $1.memberOf.count }
        let legendEdges = Self.drawing.edges.filter {
            $0.attributes.contains(.init("legend", "true")) && !$0.attributes.contains(.init("style", "invis"))
        }.count
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == Self.graph.relations.count + memberships + legendEdges)
    }

    @Test func pngAndPDFRenderInProcess() throws {
        let png = try GraphvizRenderer.render(Self.drawing, engine: .dot, format: .png).data
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(png.count > 50_000)
        let pdf = try GraphvizRenderer.render(Self.drawing, engine: .dot, format: .pdf).data
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test func positionedDOTAndJSONRenderToo() throws {
        let dot = String(decoding: try GraphvizRenderer.render(Self.drawing, engine: .dot, format: .dot).data, as: UTF8.self)
        #expect(dot.contains("pos=\""))
        let json = try GraphvizRenderer.render(Self.drawing, engine: .dot, format: .json).data
        #expect(try JSONSerialization.jsonObject(with: json) is [String: Any])
    }

    @Test func sameInputSameOutput() throws {
        #expect(try Self.svg() == Self.svg())
    }

    @Test(arguments: LayoutEngine.allCases)
    func everyEngineLaysTheSeedGraphOut(engine: LayoutEngine) throws {
        var options = DiagramOptions()
        options.legend = false
        let layout = try GraphvizRenderer.layout(DiagramBuilder.drawing(of: Self.graph, options: options), engine: engine)
        #expect(layout.nodes.count == Self.graph.actors.count)
        let box = layout.boundingBox
        #expect(box.upperRight.x > box.lowerLeft.x && box.upperRight.y > box.lowerLeft.y)
        for node in layout.nodes {
            #expect(node.width > 0 && node.height > 0)
            #expect(node.center.x >= box.lowerLeft.x - 1 && node.center.x <= box.upperRight.x + 1, "\(node.name)")
            #expect(node.center.y >= box.lowerLeft.y - 1 && node.center.y <= box.upperRight.y + 1, "\(node.name)")
        }
        let memberships = Self.graph.actors.reduce(0) { $0 + $1.memberOf.count }
        #expect(layout.edges.count == Self.graph.relations.count + memberships)
        #expect(layout.edges.allSatisfy { $0.spline.count >= 4 })
        #expect(Set(layout.edges.map(\.key)).isSuperset(of: Self.graph.relations.map(\.id.rawValue)))
    }

    @Test func twoThreadsRenderingAtOnceGetTheSameOutput() async throws {
        let reference = try Self.svg()
        let drawing = Self.drawing
        let results = try await withThrowingTaskGroup(of: [Data].self) { group in
            for _ in 0..<2 {
                group.addTask {
                    // A real thread each, not the cooperative pool: both call in at the same time.
                    try await withCheckedThrowingContinuation { continuation in
                        Thread {
                            do {
                                continuation.resume(returning: try (0..<4).map { _ in
                                    try GraphvizRenderer.render(drawing, engine: .dot, format: .svg).data
                                })
                            } catch {
                                continuation.resume(throwing: error)
                            }
                        }.start()
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(results.count == 8)
        for data in results { #expect(String(decoding: data, as: UTF8.self) == reference) }
    }

    @Test func clustersNestMembersInsideUmbrellas() throws {
        var options = DiagramOptions()
        options.cluster = true
        let svg = String(decoding: try GraphvizRenderer.render(DiagramBuilder.drawing(of: Self.graph, options: options),
                                                               engine: .dot, format: .svg).data, as: UTF8.self)
        #expect(svg.contains("<title>cluster_islamic&#45;resistance&#45;in&#45;iraq</title>"))
        #expect(svg.contains("<title>cluster_asaib&#45;ahl&#45;al&#45;haq</title>"))
    }

    /// cgraph keeps subgraphs ordered by id, and a named subgraph's default id is the address of its
    /// interned name, so cluster order (and so the layout) could follow the heap's history. Renders
    /// separated by other work, and by strings left allocated in between, must still agree.
    @Test func clusterLayoutDoesNotDependOnTheHeapsHistory() throws {
        var options = DiagramOptions()
        options.cluster = true
        let drawing = DiagramBuilder.drawing(of: Self.graph, options: options)
        let first = try GraphvizRenderer.render(drawing, engine: .dot, format: .svg).data
        var kept: [UnsafeMutableRawPointer] = []
        defer { kept.forEach { free($0) } }
        for round in 0..<6 {
            // Perturb the heap: other renders, and blocks of the sizes cgraph's names use, kept alive.
            for size in stride(from: 16 + round * 8, through: 160, by: 24) { kept.append(malloc(size)!) }
            _ = try GraphvizRenderer.render(Self.drawing, engine: round % 2 == 0 ? .dot : .neato, format: .svg)
            var reversed = drawing
            reversed.clusters.reverse()
            _ = try GraphvizRenderer.render(reversed, engine: .dot, format: .svg)
            #expect(try GraphvizRenderer.render(drawing, engine: .dot, format: .svg).data == first, "round \(round)")
        }
    }

    /// Graph and cluster names come through our id discipline; engines that make and delete
    /// subgraphs of their own (neato and fdp pack components) must not lose them.
    @Test(arguments: [LayoutEngine.dot, .neato, .fdp])
    func graphAndClusterNamesSurviveTheLayout(engine: LayoutEngine) throws {
        let svg = String(decoding: try GraphvizRenderer.render(Self.drawing, engine: engine, format: .svg).data, as: UTF8.self)
        #expect(svg.contains("<title>\(Self.drawing.name)</title>"))
        #expect(svg.contains("<title>cluster_legend</title>"))
    }

    @Test func graphvizErrorsAreCapturedNotPrinted() throws {
        var drawing = Self.drawing
        drawing.graphAttributes.append(.init("splines", "not-a-value"))
        let result = try GraphvizRenderer.render(drawing, engine: .dot, format: .svg)
        #expect(result.warnings.contains { $0.contains("not-a-value") })
    }
}
