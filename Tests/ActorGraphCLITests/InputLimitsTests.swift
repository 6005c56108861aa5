import Foundation
import Testing
import TestSupport

/// Every reader meets input beyond its limits (docs/FORMAT.md, "Limits") with a clear error within
/// a second. The 1 GB files are sparse (truncate), so the tests cost nothing.
struct InputLimitsTests {
    static func sparse(_ name: String, size: Int, head: [UInt8] = []) throws -> URL {
        let folder = try RepositoryPaths.temporaryFolder()
        let file = folder.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(head))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
        return file
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var rng = SeededGenerator(seed: 42)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    static func timedImport(_ file: URL, _ extra: [String] = []) throws -> (CommandResult, Double) {
        let start = Date()
        let r = try runActorGraph(["import", file.path] + extra + ["-o", file.deletingLastPathComponent().appendingPathComponent("out.yaml").path])
        return (r, Date().timeIntervalSince(start))
    }

    @Test(arguments: ["big.csv", "big.yaml", "big.json", "big.dot", "big.graphml", "big.gexf", "big.jsonl", "big.tsv"])
    func aOneGigabyteFileIsRefusedAtOnce(name: String) throws {
        let file = try Self.sparse(name, size: 1 << 30, head: Self.randomBytes(1 << 16))
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let (r, seconds) = try Self.timedImport(file, name.hasSuffix(".yaml") ? ["--from", "csv"] : [])
        #expect((1...127).contains(r.status), "\(name): \(r.status)")
        #expect(r.stderr.contains("the file is too large") || r.stderr.contains("binary"), "\(name): \(r.stderr)")
        #expect(seconds < 1, "\(name): \(seconds) s")
    }

    @Test func aOneGigabyteGraphFileIsRefusedByEveryCommand() throws {
        let file = try Self.sparse("big.yaml", size: 1 << 30)
        let start = Date()
        let r = try runActorGraph(["validate", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(file.path): error: the file is too large (1073741824 bytes; the limit is 256 MiB)"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func aOneGigabyteGDELTFileOfRandomBytesIsRefusedAtItsFirstChunk() throws {
        // Within GDELT's 4 GiB streaming limit: refused as binary, not read to the end.
        let file = try Self.sparse("events.CSV", size: 1 << 30, head: Self.randomBytes(1 << 20))
        let (r, seconds) = try Self.timedImport(file, ["--from", "gdelt"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("binary"), "\(r.stderr)")
        #expect(seconds < 1, "\(seconds) s")
        let zip = try Self.sparse("events.zip", size: 1 << 30, head: Self.randomBytes(1 << 16))
        let (z, zs) = try Self.timedImport(zip)
        #expect(z.status == 1, "\(z.stderr)")
        #expect(zs < 1, "\(zs) s")
    }

    @Test func endlessDevicesAreRefused() throws {
        for (device, format) in [("/dev/zero", "csv"), ("/dev/urandom", "table"), ("/dev/zero", "dot"), ("/dev/urandom", "plover")] {
            let start = Date()
            let r = try runActorGraph(["import", device, "--from", format, "-o", "-"])
            #expect(r.status == 1, "\(device) as \(format)")
            #expect(r.stderr.contains("binary"), "\(device): \(r.stderr)")
            #expect(Date().timeIntervalSince(start) < 1)
        }
    }

    @Test func anOverlongLineIsRefusedWithItsLineNumber() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let file = folder.appendingPathComponent("edges.csv")
        try ("source,target\na,b\n" + String(repeating: "x", count: 2 << 20) + ",c\n").write(to: file, atomically: true, encoding: .utf8)
        let r = try runActorGraph(["import", file.path, "-o", "-"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(file.path):3: error: line longer than 1 MiB"), "\(r.stderr)")
    }

    @Test func anOverlongNameIsRefused() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let file = folder.appendingPathComponent("edges.csv")
        try ("source,target\n" + String(repeating: "n", count: 5000) + ",b\n").write(to: file, atomically: true, encoding: .utf8)
        let r = try runActorGraph(["import", file.path, "-o", "-"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("an actor id is longer than 4096 bytes (5000)"), "\(r.stderr)")
    }

    @Test func deeplyNestedXMLIsRefused() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let file = folder.appendingPathComponent("deep.graphml")
        let deep = String(repeating: "<data>", count: 5000) + String(repeating: "</data>", count: 5000)
        try "<graphml><graph>\(deep)</graph></graphml>".write(to: file, atomically: true, encoding: .utf8)
        let start = Date()
        let r = try runActorGraph(["import", file.path, "-o", "-"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nested deeper than 200 levels") || r.stderr.contains("not well-formed"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func aUTF16FileIsToldApart() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let file = folder.appendingPathComponent("edges.csv")
        try "source,target\na,b\n".data(using: .utf16)!.write(to: file)
        let r = try runActorGraph(["import", file.path, "-o", "-"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("UTF-16 is not read, save it as UTF-8"), "\(r.stderr)")
    }
}
