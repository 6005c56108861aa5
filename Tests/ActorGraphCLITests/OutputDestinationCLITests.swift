import Foundation
import Testing
import TestSupport

/// `-o` writes where the path really points: through symbolic links, into FIFOs and devices,
/// and fails loudly on a full device.
struct OutputDestinationCLITests {
    let seed = "graphs/iraq-axis-2021-2024.yaml"

    func fileType(_ path: String) -> mode_t {
        var info = stat()
        #expect(lstat(path, &info) == 0, "\(path)")
        return info.st_mode & S_IFMT
    }

    @Test func renderThroughASymbolicLinkKeepsTheLink() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let link = folder.appendingPathComponent("LINK.svg").path
        let target = folder.appendingPathComponent("target.svg").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(symlink("target.svg", link) == 0)
        let r = try runActorGraph(["render", seed, "-o", link])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(fileType(link) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.svg")
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("<?xml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["LINK.svg", "target.svg"])
    }

    @Test func renderIntoAFIFODeliversTheSVG() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let fifo = folder.appendingPathComponent("out.svg").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = FIFOReader(path: fifo)
        let r = try runActorGraph(["render", seed, "-o", fifo])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = String(decoding: reader.wait(), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test func renderToDevFullFailsAndLeavesTheDevice() throws {
        let r = try runActorGraph(["render", seed, "-o", "/dev/full", "--format", "svg"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("/dev/full: error: cannot write: \(String(cString: strerror(ENOSPC)))"), "\(r.stderr)")
        #expect(fileType("/dev/full") == S_IFCHR)
        let export = try runActorGraph(["export", seed, "--format", "yaml", "-o", "/dev/full"])
        #expect(export.status != 0)
        #expect(fileType("/dev/full") == S_IFCHR)
    }

    @Test func exportToDevStdoutWritesToStandardOutput() throws {
        let r = try runActorGraph(["export", seed, "--format", "yaml", "-o", "/dev/stdout"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("title: "))
        let dash = try runActorGraph(["export", seed, "--format", "yaml", "-o", "-"])
        #expect(r.stdout == dash.stdout)
    }

    @Test func exportIntoAMissingFolderFailsAndCreatesNothing() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let out = folder.appendingPathComponent("missing/seed.yaml").path
        let r = try runActorGraph(["export", seed, "--format", "yaml", "-o", out])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(out): error: cannot write: "), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func exportReplacingAFileKeepsItsMode() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let out = folder.appendingPathComponent("seed.json").path
        try "{}".write(toFile: out, atomically: false, encoding: .utf8)
        #expect(chmod(out, 0o604) == 0)
        let r = try runActorGraph(["export", seed, "--format", "json", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        var info = stat()
        #expect(stat(out, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o604)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["seed.json"])
    }
}

/// Reads a FIFO to its end on a thread of its own (opening a FIFO waits for the writer).
final class FIFOReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(path: String) {
        let thread = Thread { [self] in
            data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()
            done.signal()
        }
        thread.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
