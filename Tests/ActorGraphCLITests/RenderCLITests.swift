import Foundation
import Testing
import TestSupport

/// render, layout, and DOT export/import from the command line.
struct RenderCLITests {
    let seed = "graphs/iraq-axis-2021-2024.yaml"

    @Test(arguments: ["svg", "png", "pdf", "json", "dot"])
    func renderWritesEachFormatAndNothingFromGraphviz(format: String) throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let out = folder.appendingPathComponent("seed.\(format)")
        let r = try runActorGraph(["render", seed, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        // Only our own one-line report on stderr: Graphviz prints nothing.
        #expect(r.stderr == "wrote \(out.path): 44 actors, 74 relations, dot layout, \(try Data(contentsOf: out).count) bytes\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["seed.\(format)"])
    }

    @Test func renderToStdoutNeedsAFormat() throws {
        #expect(try runActorGraph(["render", seed, "-o", "-"]).status == 64)
        let r = try runActorGraph(["render", seed, "-o", "-", "--format", "svg", "--engine", "neato"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<?xml"))
    }

    @Test func viewsSelectWhatIsDrawn() throws {
        let supportsOnly = try runActorGraph(["render", seed, "-o", "-", "--format", "dot", "--types", "supports,hosts", "--no-legend"])
        #expect(supportsOnly.status == 0)
        #expect(!supportsOnly.stdout.contains("type=opposes"))
        #expect(supportsOnly.stdout.contains("type=hosts"))
        let asOf = try runActorGraph(["render", seed, "-o", "-", "--format", "dot", "--as-of", "2021-12", "--no-legend"])
        #expect(asOf.stdout.contains("hamas-supports-iraq-gov"))
        #expect(!asOf.stdout.contains("date=\"2024") && !asOf.stdout.contains("date=2024"))
        let focus = try runActorGraph(["layout", seed, "--focus", "sudani", "--depth", "1"])
        #expect(focus.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(focus.stdout.utf8)) as? [String: Any])
        let ids = Set(((json["nodes"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        #expect(ids.contains("mohammed-shia-al-sudani") && ids.contains("antony-blinken") && ids.contains("iran"))
        #expect(!ids.contains("hamas"))
        let between = try runActorGraph(["render", seed, "-o", "-", "--format", "dot", "--between", "2023-01", "2023-01", "--no-legend"])
        #expect(between.stdout.contains("qais-al-khazali-meets-jibril-rajoub"))
        #expect(!between.stdout.contains("date=\"2021") && !between.stdout.contains("date=2021"))
    }

    @Test func badViewOptionsAreUsageErrors() throws {
        #expect(try runActorGraph(["render", seed, "-o", "x.svg", "--types", "support"]).status == 64)
        #expect(try runActorGraph(["render", seed, "-o", "x.svg", "--as-of", "2023-13"]).status == 64)
        #expect(try runActorGraph(["render", seed, "-o", "x.svg", "--between", "2024", "2023"]).status == 64)
        let unknown = try runActorGraph(["render", seed, "-o", "x.svg", "--highlight", "nobody-at-all"])
        #expect(unknown.status == 2)
    }

    @Test func missingGraphvizPluginsAreReportedClearly() throws {
        let empty = try RepositoryPaths.temporaryFolder()
        let r = try runActorGraph(["render", seed, "-o", empty.appendingPathComponent("x.svg").path],
                                  environment: ["GVBINDIR": empty.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: the installed Graphviz has no 'dot' layout engine (it has: none; run `dot -c` as root or reinstall graphviz)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty)
    }

    @Test func dotExportThenImportGivesTheSameGraph() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let dot = folder.appendingPathComponent("seed.dot"), back = folder.appendingPathComponent("back.yaml")
        #expect(try runActorGraph(["export", seed, "--format", "dot", "-o", dot.path]).status == 0)
        let r = try runActorGraph(["import", dot.path, "-o", back.path])
        #expect(r.status == 0)
        #expect(r.stderr == "wrote \(back.path): 44 actors, 74 relations\n")
        // Equal but for `corpus`, which now points from the new folder to the documents, so the
        // quotes verify there too.
        func withoutCorpus(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("corpus:") }.joined(separator: "\n")
        }
        let a = try runActorGraph(["export", seed, "--format", "yaml"]).stdout
        let exported = try runActorGraph(["export", back.path, "--format", "yaml"])
        #expect(exported.status == 0)
        #expect(withoutCorpus(a) == withoutCorpus(exported.stdout))
    }

    @Test func dotSyntaxErrorsAreOursWithTheirLine() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let bad = folder.appendingPathComponent("bad.dot")
        try "digraph {\n  a -> b;\n  b -> ;\n}\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try runActorGraph(["import", bad.path, "-o", folder.appendingPathComponent("x.yaml").path])
        #expect(r.status == 1)
        #expect(r.stderr == "\(bad.path):3: error: syntax error near ';'\n")
    }

    @Test func plainDOTImportsWithDefaultsAndWarnings() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let plain = folder.appendingPathComponent("plain.dot")
        try "digraph { a -> b; b -> c [type=opposes, date=2023, label=\"x\"] }\n".write(to: plain, atomically: true, encoding: .utf8)
        let r = try runActorGraph(["import", plain.path, "-o", "-"])
        #expect(r.status == 0)
        #expect(r.stderr == """
            \(plain.path): warning: 2 edges without a 'modality' attribute; defaulted to asserted
            \(plain.path): warning: 1 edges without a 'type' attribute; defaulted to supports
            \(plain.path): warning: 3 nodes without a 'kind' attribute; defaulted to group
            \(plain.path): warning: 3 nodes without a 'label' attribute; defaulted to the node name

            """)
        #expect(r.stdout.contains("id: b-opposes-c"))
    }
}
