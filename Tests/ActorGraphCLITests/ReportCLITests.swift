import Foundation
import Testing
import TestSupport

/// report, diff, serve and the drawing passthrough from the command line.
struct ReportCLITests {
    let seed = "graphs/iraq-axis-2021-2024.yaml"

    @Test func reportWritesOneSelfContainedFile() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let out = folder.appendingPathComponent("report.html")
        let r = try runActorGraph(["report", seed, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(r.stderr.hasPrefix("wrote \(out.path): 44 actors, 74 relations, "))
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg") && html.contains("id=\"ag-data\""))
        #expect(!html.contains("<script src") && !html.contains("<link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
        // The view options choose what it holds.
        let focus = try runActorGraph(["report", seed, "--focus", "hamas", "-o", "-"])
        #expect(focus.status == 0 && focus.stdout.contains("<g id=\"hamas\"") && !focus.stdout.contains("<g id=\"antony&#45;blinken\""))
    }

    @Test func diffTextAndJSON() throws {
        let text = try runActorGraph(["diff", seed, "--from", "2023-01", "--to", "2023-12", "--top", "3"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("From 2023-01 to 2023-12: "))
        #expect(text.stdout.contains("Begun (") && text.stdout.contains("Ended (") && text.stdout.contains("Centrality rank (degree"))
        let json = try runActorGraph(["diff", seed, "--from", "2023-01", "--to", "2023-12", "--format", "json", "--measure", "pagerank"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["measure"] as? String == "pagerank")
        let begun = try #require(object["begun"] as? [[String: Any]])
        #expect(!begun.isEmpty && begun.allSatisfy { ($0["date"] as? String ?? "").hasPrefix("2023") })
        #expect((object["movers"] as? [Any])?.count == 10)
        #expect(try runActorGraph(["diff", seed, "--from", "2024", "--to", "2023"]).status == 64)
        #expect(try runActorGraph(["diff", seed, "--from", "20x4", "--to", "2023"]).status == 64)
    }

    @Test func passthroughAttributesReachGraphviz() throws {
        let r = try runActorGraph(["render", seed, "-o", "-", "--format", "dot", "--graph-attribute", "rankdir=TB",
                                   "--graph-attribute", "bgcolor=#fafafa", "--node-attribute", "fontsize=20", "--edge-attribute", "penwidth=4"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("rankdir=TB") && r.stdout.contains("bgcolor=\"#fafafa\""))
        #expect(r.stdout.contains("fontsize=20") && r.stdout.contains("penwidth=4"))
        let bad = try runActorGraph(["render", seed, "-o", "-", "--format", "svg", "--graph-attribute", "novalue"])
        #expect(bad.status == 64 && bad.stderr.contains("expected key=value"))
    }

    @Test func forceDirectedEnginesGetOverlapRemovalAndTheLegendAbove() throws {
        let r = try runActorGraph(["render", seed, "-o", "-", "--format", "dot", "--engine", "sfdp"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("overlap=prism") && !r.stdout.contains("legend=true"))
        #expect(r.stdout.contains("Relations: supports green"))
        let scale = try runActorGraph(["render", seed, "-o", "-", "--format", "dot", "--engine", "sfdp", "--graph-attribute", "overlap=scale"])
        #expect(scale.stdout.contains("overlap=scale") && !scale.stdout.contains("overlap=prism"))
        // dot keeps its legend cluster.
        #expect(try runActorGraph(["render", seed, "-o", "-", "--format", "dot"]).stdout.contains("legend=true"))
    }

    @Test func aThousandActorLayoutHasNoOverlappingNodes() throws {
        guard let python = ProcessInfo.processInfo.environment["ACTORGRAPH_PYTHON"] ?? (FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : nil) else { return }
        let folder = try RepositoryPaths.temporaryFolder()
        let edges = folder.appendingPathComponent("ba1000.csv")
        let gen = Process()
        gen.executableURL = URL(fileURLWithPath: python)
        gen.arguments = [RepositoryPaths.url("scripts/benchmarks/gen_ba.py").path, "1000"]
        _ = FileManager.default.createFile(atPath: edges.path, contents: nil)
        gen.standardOutput = try FileHandle(forWritingTo: edges)
        try gen.run()
        gen.waitUntilExit()
        let r = try runActorGraph(["layout", edges.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["engine"] as? String == "sfdp")
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.count == 1000)
        let boxes = nodes.map { n -> [Double] in
            let x = n["x"] as! Double, y = n["y"] as! Double, w = n["width"] as! Double, h = n["height"] as! Double
            return [x - w / 2, y - h / 2, x + w / 2, y + h / 2]
        }.sorted { $0[0] < $1[0] }
        var overlaps = 0
        for i in boxes.indices {
            var j = i + 1
            while j < boxes.count && boxes[j][0] < boxes[i][2] {
                if boxes[j][1] < boxes[i][3] && boxes[i][1] < boxes[j][3] { overlaps += 1 }
                j += 1
            }
        }
        #expect(overlaps == 0)
    }

    @Test func serveRunsTheServerBesideIt() throws {
        let r = try runActorGraph(["serve", "--help"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("--candidates") && r.stdout.contains("--host"))
        let missing = try runActorGraph(["serve", "no-such-file.yaml", "--port", "0"])
        #expect(missing.status != 0 && missing.stderr.contains("no-such-file.yaml"))
    }
}
