import ActorGraphServer
import ArgumentParser
import Foundation

/// `actorgraph serve` (the `actorgraph` command runs this executable, which lies beside it).
@main
struct ActorGraphServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actorgraph serve",
        abstract: "Serve the interactive page of a graph, re-rendered in process on every view, with a JSON API.",
        discussion: """
            Binds 127.0.0.1 unless --host says otherwise. Re-reads the graph file when it changes. \
            With --candidates FILE, reviews extraction candidates: decisions are written to FILE \
            atomically. Routes: docs/CLI.md, "serve".
            """)

    @Argument(help: "A graph file (.yaml, .yml, .json).")
    var file: String

    @Option(help: "Port (0: any free port; the address is printed).")
    var port: Int = 8750

    @Option(help: "Address to bind (127.0.0.1 by default; 0.0.0.0 exposes the server to the network).")
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("A candidates file (a graph file whose relations are candidates) to review.", valueName: "file"))
    var candidates: String?

    @Flag(help: "Do not read the cited documents (skip quote verification).")
    var noQuotes = false

    @Option(help: "Seconds a request may take before it is answered 503.")
    var timeout: Int = 15

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1") }
    }

    func run() async throws {
        let store: GraphStore
        do {
            store = try GraphStore(url: URL(fileURLWithPath: file), verifyEvidence: !noQuotes)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        let review = candidates.map { CandidateReview(url: URL(fileURLWithPath: $0)) }
        if let review { _ = try review.load() }
        var limits = APIHandler.Limits()
        limits.timeout = .seconds(timeout)
        let handler = APIHandler(store: store, review: review, limits: limits)
        let graph = store.snapshot.graph
        let file = self.file
        try await ServerApp.run(handler: handler, host: host, port: port) { url in
            FileHandle.standardOutput.write(Data("serving \(file) (\(graph.actors.count) actors, \(graph.relations.count) relations) at \(url)\n".utf8))
        }
    }
}
