import Foundation
import Testing
import TestSupport

/// A full disk, a folder that may not be written, the folder removed mid-write, and SIGINT or
/// SIGTERM mid-write leave the old file intact, no temporary file behind, and an exit status that
/// says so. CI runs as root: the disk-full test mounts a 64 KiB tmpfs (skipped, with the reason,
/// where mount is not permitted); the permission test drops to `nobody` through setpriv.
@Suite(.serialized)
struct FaultTests {
    static let old = "old contents\n"

    static func folderWithOldFile(_ name: String = "out.svg") throws -> (URL, URL) {
        let folder = try RepositoryPaths.temporaryFolder()
        let file = folder.appendingPathComponent(name)
        try old.write(to: file, atomically: false, encoding: .utf8)
        return (folder, file)
    }

    static func temporaries(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".tmp-") }
    }

    static func shell(_ command: String, _ arguments: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: command)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    static var binary: String { builtProductsFolder().appendingPathComponent("actorgraph").path }

    @Test func aFullDiskLeavesTheOldFileAndNoTemporary() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        guard Self.shell("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]) == 0 else {
            print("skipped: cannot mount a tmpfs here (mount needs root); the disk-full test did not run")
            return
        }
        defer { _ = Self.shell("/bin/umount", [folder.path]) }
        let file = folder.appendingPathComponent("out.svg")
        try Self.old.write(to: file, atomically: false, encoding: .utf8)
        let r = try runActorGraph(["render", RepositoryPaths.seedGraph.path, "--no-quotes", "-o", file.path])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("\(file.path): error: cannot write: No space left on device"), "\(r.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.old)
        #expect(Self.temporaries(in: folder).isEmpty)
    }

    @Test func aFolderThatMayNotBeWrittenLeavesTheOldFile() throws {
        let (folder, file) = try Self.folderWithOldFile("out.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        let arguments = ["export", RepositoryPaths.seedGraph.path, "--no-quotes", "--format", "yaml", "-o", file.path]
        let r: CommandResult
        if geteuid() == 0 {
            // Root may write anywhere: run as nobody instead.
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                print("skipped: running as root without setpriv; the permission test did not run")
                return
            }
            r = try runCommand("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Self.binary] + arguments)
        } else {
            r = try runActorGraph(arguments)
        }
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write: Permission denied"), "\(r.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.old)
        #expect(Self.temporaries(in: folder).isEmpty)
    }

    /// Starts a write that pauses halfway (ACTORGRAPH_TEST_PAUSE_WRITE), runs `fault` once it
    /// has paused, and returns the process's end.
    static func interruptedWrite(to file: URL, fault: (pid_t) throws -> Void) throws -> ((signalled: Bool, status: Int32), String) {
        let p = try SpawnedProcess(binary, ["export", RepositoryPaths.seedGraph.path, "--no-quotes", "--format", "json", "-o", file.path],
                                   environment: ["ACTORGRAPH_TEST_PAUSE_WRITE": "5"])
        var said = Data()
        let deadline = Date().addingTimeInterval(20)
        while !String(decoding: said, as: UTF8.self).contains("paused writing") && Date() < deadline {
            let chunk = p.standardError.availableData
            if chunk.isEmpty { break }
            said.append(chunk)
        }
        #expect(String(decoding: said, as: UTF8.self).contains("paused writing"), "the write did not pause")
        try fault(p.pid)
        said.append(p.standardError.readDataToEndOfFile())
        return (p.wait(), String(decoding: said, as: UTF8.self))
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalMidWriteLeavesTheOldFileAndNoTemporary(signal: Int32) throws {
        let (folder, file) = try Self.folderWithOldFile("out.json")
        let (end, stderr) = try Self.interruptedWrite(to: file) { pid in
            #expect(!Self.temporaries(in: folder).isEmpty, "a temporary file exists mid-write")
            kill(pid, signal)
        }
        #expect(end.signalled, "\(stderr)")
        #expect(end.status == signal, "dies of the signal: the shell reports \(128 + signal)")
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.old)
        #expect(Self.temporaries(in: folder).isEmpty, "\(Self.temporaries(in: folder))")
    }

    @Test func theFolderRemovedMidWriteIsAnError() throws {
        let (folder, file) = try Self.folderWithOldFile("out.json")
        let (end, stderr) = try Self.interruptedWrite(to: file) { _ in
            try FileManager.default.removeItem(at: folder)
        }
        #expect(!end.signalled)
        #expect(end.status == 1, "\(stderr)")
        #expect(stderr.contains("\(file.path): error: cannot write: No such file or directory"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path), "nothing recreated")
    }

    @Test func aTemporaryLeftBySIGKILLIsRemovedByTheNextWrite() throws {
        let (folder, file) = try Self.folderWithOldFile("out.json")
        let (end, _) = try Self.interruptedWrite(to: file) { pid in kill(pid, SIGKILL) }
        #expect(end.signalled && end.status == SIGKILL)
        #expect(Self.temporaries(in: folder).count == 1, "SIGKILL cannot be caught")
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.old)
        let r = try runActorGraph(["export", RepositoryPaths.seedGraph.path, "--no-quotes", "--format", "json", "-o", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.temporaries(in: folder).isEmpty, "\(Self.temporaries(in: folder))")
    }
}

/// Runs any executable; like runActorGraph.
func runCommand(_ executable: String, _ arguments: [String]) throws -> CommandResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return CommandResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}
