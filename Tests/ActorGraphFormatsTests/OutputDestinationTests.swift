import ActorGraphCore
import ActorGraphFormats
import Foundation
import Testing
import TestSupport

/// Output goes where the path really points: files are replaced atomically (through symbolic
/// links, keeping their mode), FIFOs, devices and descriptors are written in place, failures are
/// reported and leave no temporary file; graphs written elsewhere keep finding their documents.
struct OutputDestinationTests {
    let folder: URL

    init() throws { folder = try RepositoryPaths.temporaryFolder() }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    func listing(_ url: URL? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (url ?? folder).path).sorted()
    }
    func fileStat(_ path: String, follow: Bool = false) -> stat {
        var info = stat()
        let status = follow ? stat(path, &info) : lstat(path, &info)
        #expect(status == 0, "\(path)")
        return info
    }
    func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    // MARK: - Files and links

    @Test func anAbsentFileIsCreatedAndNoTemporaryFileRemains() throws {
        try AtomicFile.write("new\n", to: URL(fileURLWithPath: path("a.txt")))
        #expect(try contents(path("a.txt")) == "new\n")
        #expect(try listing() == ["a.txt"])
    }

    @Test func aRegularFileIsReplacedByRenameKeepingItsMode() throws {
        try "old contents, longer than the new ones\n".write(toFile: path("a.svg"), atomically: false, encoding: .utf8)
        #expect(chmod(path("a.svg"), 0o640) == 0)
        let before = fileStat(path("a.svg"))
        try AtomicFile.write("new\n", to: URL(fileURLWithPath: path("a.svg")))
        let after = fileStat(path("a.svg"))
        #expect(try contents(path("a.svg")) == "new\n")
        #expect(after.st_mode & S_IFMT == S_IFREG)
        #expect(after.st_mode & 0o7777 == 0o640)
        #expect(after.st_ino != before.st_ino, "replaced by a new file (rename), not rewritten in place")
        #expect(try listing() == ["a.svg"])
    }

    @Test func aSymbolicLinkChainIsKeptAndItsFinalTargetReplaced() throws {
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try "old\n".write(toFile: elsewhere.appendingPathComponent("real.svg").path, atomically: false, encoding: .utf8)
        #expect(chmod(elsewhere.appendingPathComponent("real.svg").path, 0o600) == 0)
        // link.svg -> hop.svg -> elsewhere/real.svg, both relative.
        #expect(symlink("elsewhere/real.svg", path("hop.svg")) == 0)
        #expect(symlink("hop.svg", path("link.svg")) == 0)
        #expect(try OutputDestination.resolve(URL(fileURLWithPath: path("link.svg")))
                == .file(URL(fileURLWithPath: folder.path + "/elsewhere/real.svg")))
        try AtomicFile.write("new\n", to: URL(fileURLWithPath: path("link.svg")))
        #expect(fileStat(path("link.svg")).st_mode & S_IFMT == S_IFLNK)
        #expect(fileStat(path("hop.svg")).st_mode & S_IFMT == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.svg")) == "hop.svg")
        let real = elsewhere.appendingPathComponent("real.svg").path
        #expect(try contents(real) == "new\n")
        #expect(fileStat(real).st_mode & 0o7777 == 0o600)
        #expect(try listing(elsewhere) == ["real.svg"])
        #expect(try listing() == ["elsewhere", "hop.svg", "link.svg"])
    }

    @Test func aDanglingLinkGetsItsTargetCreated() throws {
        #expect(symlink("target.txt", path("link.txt")) == 0)
        try AtomicFile.write("made\n", to: URL(fileURLWithPath: path("link.txt")))
        #expect(fileStat(path("link.txt")).st_mode & S_IFMT == S_IFLNK)
        #expect(try contents(path("target.txt")) == "made\n")
    }

    // MARK: - Streams and descriptors

    @Test func aFIFOReceivesTheBytesAndStaysAFIFO() throws {
        #expect(mkfifo(path("pipe.svg"), 0o600) == 0)
        let reader = BackgroundReader(path: path("pipe.svg"))
        let text = String(repeating: "<svg>0123456789</svg>\n", count: 20_000)  // more than a pipe buffer
        try AtomicFile.write(text, to: URL(fileURLWithPath: path("pipe.svg")))
        #expect(String(decoding: reader.wait(), as: UTF8.self) == text)
        #expect(fileStat(path("pipe.svg")).st_mode & S_IFMT == S_IFIFO)
        #expect(try listing() == ["pipe.svg"])
    }

    @Test func devFullIsAnErrorAndStaysACharacterDevice() throws {
        #expect(try OutputDestination.resolve(URL(fileURLWithPath: "/dev/full")) == .stream(URL(fileURLWithPath: "/dev/full")))
        let error = try #require(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("x", to: URL(fileURLWithPath: "/dev/full"))
        }
        #expect(error.code == ENOSPC)
        #expect(error.description == "/dev/full: error: cannot write: \(String(cString: strerror(ENOSPC)))")
        #expect(fileStat("/dev/full").st_mode & S_IFMT == S_IFCHR)
    }

    @Test func devNullAcceptsTheBytesAndStaysACharacterDevice() throws {
        try AtomicFile.write("discarded", to: URL(fileURLWithPath: "/dev/null"))
        #expect(fileStat("/dev/null").st_mode & S_IFMT == S_IFCHR)
    }

    @Test func descriptorPathsWriteThroughTheOpenDescriptor() throws {
        #expect(try OutputDestination.resolve(URL(fileURLWithPath: "/dev/stdout")) == .descriptor(1))
        #expect(try OutputDestination.resolve(URL(fileURLWithPath: "/dev/stderr")) == .descriptor(2))
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        try AtomicFile.write("through fd\n", to: URL(fileURLWithPath: "/dev/fd/\(ends[1])"))
        // The descriptor stays open: write again through /proc/self/fd.
        try AtomicFile.write("again\n", to: URL(fileURLWithPath: "/proc/self/fd/\(ends[1])"))
        close(ends[1])
        let read = FileHandle(fileDescriptor: ends[0], closeOnDealloc: false).readDataToEndOfFile()
        #expect(String(decoding: read, as: UTF8.self) == "through fd\nagain\n")
    }

    @Test func aSymbolicLinkToADeviceWritesTheDevice() throws {
        #expect(symlink("/dev/full", path("full-link")) == 0)
        let error = try #require(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("x", to: URL(fileURLWithPath: path("full-link")))
        }
        #expect(error.code == ENOSPC)
        #expect(fileStat(path("full-link")).st_mode & S_IFMT == S_IFLNK)
        #expect(fileStat("/dev/full").st_mode & S_IFMT == S_IFCHR)
    }

    // MARK: - Failures

    @Test func aMissingFolderIsAnErrorNamingTheFolder() throws {
        let target = path("missing/out.svg")
        let error = try #require(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("x", to: URL(fileURLWithPath: target))
        }
        #expect(error.code == ENOENT)
        #expect(error.path == target)
        #expect(error.description.hasPrefix("\(target): error: cannot write: "))
        #expect(error.description.contains("the folder \(folder.path)/missing does not exist"))
        #expect(try listing().isEmpty)
    }

    @Test func aFolderIsAnError() throws {
        try FileManager.default.createDirectory(atPath: path("sub"), withIntermediateDirectories: false)
        let error = try #require(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("x", to: URL(fileURLWithPath: path("sub")))
        }
        #expect(error.code == EISDIR)
        #expect(try listing() == ["sub"])
        #expect(try listing(URL(fileURLWithPath: path("sub"))).isEmpty)
    }

    @Test func aSymbolicLinkLoopIsAnError() throws {
        #expect(symlink("b", path("a")) == 0)
        #expect(symlink("a", path("b")) == 0)
        let error = try #require(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("x", to: URL(fileURLWithPath: path("a")))
        }
        #expect(error.code == ELOOP)
        #expect(try listing() == ["a", "b"])
    }

    /// Permissions do not stop root, so this runs only for other users.
    @Test(.enabled(if: geteuid() != 0)) func aFolderWithoutWritePermissionIsAnErrorAndTheFileIsKept() throws {
        try "old\n".write(toFile: path("kept.txt"), atomically: false, encoding: .utf8)
        #expect(chmod(folder.path, 0o500) == 0)
        defer { chmod(folder.path, 0o700) }
        let error = try #require(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("new\n", to: URL(fileURLWithPath: path("kept.txt")))
        }
        #expect(error.code == EACCES)
        #expect(try contents(path("kept.txt")) == "old\n")
        #expect(try listing() == ["kept.txt"])
    }

    /// A read-only file is not replaced behind its owner's back (root may write it anyway).
    @Test(.enabled(if: geteuid() != 0)) func aReadOnlyFileIsAnErrorAndIsKept() throws {
        try "old\n".write(toFile: path("locked.txt"), atomically: false, encoding: .utf8)
        #expect(chmod(path("locked.txt"), 0o444) == 0)
        let error = try #require(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("new\n", to: URL(fileURLWithPath: path("locked.txt")))
        }
        #expect(error.code == EACCES)
        #expect(try contents(path("locked.txt")) == "old\n")
        #expect(try listing() == ["locked.txt"])
    }

    // MARK: - Corpus

    static func seed() throws -> ActorGraph {
        try GraphFileReader.read(contentsOf: RepositoryPaths.seedGraph).graph
    }

    @Test(arguments: [GraphFileWriter.Syntax.yaml, .json])
    func theSeedGraphWrittenElsewhereStillVerifiesEveryQuote(syntax: GraphFileWriter.Syntax) throws {
        let graph = try Self.seed()
        let destination = folder.appendingPathComponent("deeper/still/seed.\(syntax.rawValue)")
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let moved = graph.relocatingCorpus(from: RepositoryPaths.seedGraph, to: destination)
        let seeds = RepositoryPaths.url("seeds").standardizedFileURL
        #expect(moved.corpusFolder(readFrom: destination).standardizedFileURL.path == seeds.path)
        // Relative within one tree, absolute across trees (the temporary folder and the checkout).
        let sharesATree = destination.pathComponents.dropFirst().first == seeds.pathComponents.dropFirst().first
        #expect(moved.corpus?.hasPrefix(sharesATree ? "../" : "/") == true)
        #expect(moved.documents == graph.documents)
        try AtomicFile.write(GraphFileWriter.text(for: moved, syntax: syntax), to: destination)
        let loaded = try GraphFileReader.read(contentsOf: destination, options: .init(verifyEvidence: true))
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.corpusDirectory?.path == seeds.path)
        var same = loaded.graph
        same.corpus = graph.corpus
        #expect(same == graph.canonicalized())
    }

    @Test func theSameFolderKeepsTheCorpusAndAStreamChangesNothing() throws {
        let graph = try Self.seed()
        let sibling = RepositoryPaths.url("graphs/other-name.yaml")
        #expect(graph.relocatingCorpus(from: RepositoryPaths.seedGraph, to: sibling).corpus == "../seeds")
        #expect(graph.relocatingCorpus(from: RepositoryPaths.seedGraph, to: RepositoryPaths.url("seeds/g.yaml")).corpus == nil)
        #expect(graph.relocatingCorpus(from: RepositoryPaths.seedGraph, to: URL(fileURLWithPath: "/dev/stdout")) == graph)
        #expect(graph.relocatingCorpus(from: RepositoryPaths.seedGraph, to: URL(fileURLWithPath: "/dev/null")) == graph)
    }

    @Test func aGraphWithoutCorpusPointsBackToItsOldFolder() throws {
        let old = folder.appendingPathComponent("old"), new = folder.appendingPathComponent("new/sub")
        for f in [old, new] { try FileManager.default.createDirectory(at: f, withIntermediateDirectories: true) }
        try "Alpha backs Beta openly.\n".write(to: old.appendingPathComponent("doc.txt"), atomically: false, encoding: .utf8)
        let graph = ActorGraph(
            documents: [Document(id: "d", path: "doc.txt")],
            actors: [ActorNode(id: "a", name: "Alpha", kind: .group), ActorNode(id: "b", name: "Beta", kind: .group)],
            relations: [Relation(id: "r", source: "a", target: "b", type: .supports,
                                 evidence: [Evidence(document: "d", quote: "Alpha backs Beta")])])
        let moved = graph.relocatingCorpus(from: old.appendingPathComponent("g.yaml"), to: new.appendingPathComponent("g.yaml"))
        #expect(moved.corpus == "../../old")
        try AtomicFile.write(GraphFileWriter.text(for: moved, syntax: .yaml), to: new.appendingPathComponent("g.yaml"))
        let loaded = try GraphFileReader.read(contentsOf: new.appendingPathComponent("g.yaml"))
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }

    @Test func csvTablesCarryPathsRelativeToTheirFolderAndReadBackAnywhere() throws {
        let graph = try Self.seed()
        let tablesFolder = folder.appendingPathComponent("tables")
        try FileManager.default.createDirectory(at: tablesFolder, withIntermediateDirectories: true)
        let forTables = graph.relocatingDocuments(from: RepositoryPaths.seedGraph, toTablesIn: tablesFolder)
        #expect(forTables.corpus == nil)
        let seeds = RepositoryPaths.url("seeds").standardizedFileURL
        for (document, original) in zip(forTables.documents, graph.documents) {
            let resolved = tablesFolder.appendingPathComponent(document.path).standardizedFileURL
            #expect(resolved.path == seeds.appendingPathComponent(original.path).path)
        }
        let tables = CSVGraph.tables(for: forTables)
        let documentsTable = tablesFolder.appendingPathComponent("documents.csv")
        try AtomicFile.write(tables.documents, to: documentsTable)
        let fromTables = try CSVGraph.graph(edges: .init(file: "edges.csv", bytes: Array(tables.edges.utf8)),
                                            nodes: .init(file: "nodes.csv", bytes: Array(tables.nodes.utf8)),
                                            documents: .init(file: "documents.csv", bytes: Array(tables.documents.utf8)))
        // Imported into yet another folder: the corpus becomes the folder holding the documents.
        let destination = folder.appendingPathComponent("imported/g.yaml")
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let imported = fromTables.relocatingCorpus(from: documentsTable, to: destination)
        #expect(imported.corpusFolder(readFrom: destination).standardizedFileURL.path == seeds.path)
        #expect(imported.documents.map(\.path) == graph.canonicalized().documents.map(\.path))
        try AtomicFile.write(GraphFileWriter.text(for: imported, syntax: .yaml), to: destination)
        let loaded = try GraphFileReader.read(contentsOf: destination)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.graph.relations.count == graph.relations.count)
    }
}

/// Reads a FIFO to its end on a thread of its own (opening a FIFO waits for the writer).
final class BackgroundReader: @unchecked Sendable {
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
