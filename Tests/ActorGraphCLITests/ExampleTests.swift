import Foundation
import Testing
import TestSupport

/// The `actorgraph-example` program (Examples/actorgraph-example): the library used from code.
struct ExampleTests {
    @Test func exampleAnswersAPathWithQuotesAndWritesAnSVG() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("harbour.svg")
        let r = try runProduct(name: "actorgraph-example", arguments: [svg.path], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Government of Arden to Hill Brigade: 1 path (undirected; all relations)",
            "path 1 (2 hops): Government of Arden → Coast League → Hill Brigade",
            "  Government of Arden —hosts→ Coast League  (2024-03, asserted) "
                + "\"Arden has hosted the Coast League's office since March\" [harbour-report.txt]",
            "  Coast League ←supports— Hill Brigade  (2024-05, reported) "
                + "\"the Hill Brigade is said to fund the League\" [harbour-report.txt]",
            "wrote \(svg.path): 4 actors, \(try Data(contentsOf: svg).count) bytes",
        ])
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.hasPrefix("<?xml") && text.contains("</svg>"))
        for id in ["arden-gov", "coast-league", "hill-brigade", "mara-voss"] {
            #expect(text.contains("id=\"\(graphvizSVGText(id))\""), "no node \(id) in the SVG")
        }
    }

    @Test func exampleWritesExampleSVGByDefault() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try runProduct(name: "actorgraph-example", arguments: [], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix(" bytes\n") && r.stdout.contains("wrote example.svg: 4 actors"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("example.svg").path))
    }
}
