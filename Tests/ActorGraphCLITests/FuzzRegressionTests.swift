import Foundation
import Testing
import TestSupport

/// Every input a fuzz target crashed on (Tests/ActorGraphFormatsTests/Fixtures/fuzz/TARGET/) is
/// replayed through the same target in the plain build (`actorgraph-fuzz TARGET FILE…`), and the
/// hostile DOT fixtures through the DOT targets.
struct FuzzRegressionTests {
    static let folder = RepositoryPaths.url("Tests/ActorGraphFormatsTests/Fixtures/fuzz")

    static func files(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { !$0.hasDirectoryPath && $0.pathExtension != "md" }.map(\.path).sorted()
    }

    @Test func everyCrashFoundIsFixed() throws {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []
        for target in targets.sorted() where !target.hasSuffix(".md") {
            let inputs = Self.files(Self.folder.appendingPathComponent(target))
            guard !inputs.isEmpty else { continue }
            let r = try runProduct(name: "actorgraph-fuzz", arguments: [target] + inputs)
            #expect(r.status == 0, "\(target): \(r.stdout.suffix(500)) \(r.stderr.suffix(2000))")
            #expect(r.stdout.components(separatedBy: "ok ").count - 1 == inputs.count, "\(target): \(r.stdout)")
        }
    }

    @Test func theReplayerKnowsEveryTarget() throws {
        let hostile = Self.files(RepositoryPaths.url("Tests/ActorGraphFormatsTests/Fixtures/hostile")).filter { $0.hasSuffix(".gv") }
        for target in ["dot-scanner", "dot"] {
            let r = try runProduct(name: "actorgraph-fuzz", arguments: [target] + hostile)
            #expect(r.status == 0, "\(target): \(r.stderr)")
        }
        let bad = try runProduct(name: "actorgraph-fuzz", arguments: ["no-such-target"])
        #expect(bad.status == 64)
    }

    /// The `serve-request` target answers hostile requests with a documented status and JSON that
    /// parses (the target traps otherwise); without a graph to serve it refuses to run.
    @Test func theServeRequestTargetChecksEveryAnswer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let requests = [
            "GET /api/path?from=%E2%80%AEiran&to=a%22b%5C%3C%3E%26", "GET /../../etc/passwd", "GET /api/%2e%2e/graph",
            "GET /api/view?asOf=9999-99&engine=%00", "GET /api/centrality?measure=nope&top=-1",
            "POST /api/candidates/decision\n{\"id\":\"x\",\"decision\":\"accept\"}", "PUT /api/graph",
            "GET /api/path?" + String(repeating: "a=1&", count: 100), "GET /api/document?id=../../../../etc/passwd",
            "GET /api/graph?\u{202E}=\u{0}", "",
        ]
        var files: [String] = []
        for (i, request) in requests.enumerated() {
            let file = folder.appendingPathComponent("request-\(i)")
            try Data(request.utf8).write(to: file)
            files.append(file.path)
        }
        let environment = ["ACTORGRAPH_FUZZ_DICTIONARY": RepositoryPaths.url("graphs/iraq-axis-2021-2024.yaml").path]
        let r = try runProduct(name: "actorgraph-fuzz", arguments: ["serve-request"] + files, environment: environment)
        #expect(r.status == 0, "\(r.stdout.suffix(500)) \(r.stderr.suffix(2000))")
        #expect(r.stdout.components(separatedBy: "ok ").count - 1 == files.count, "\(r.stdout)")
        let unset = try runProduct(name: "actorgraph-fuzz", arguments: ["serve-request", files[0]])
        #expect(unset.status == 64, "without a graph the target refuses to run: \(unset.stderr)")
    }
}
