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
}
