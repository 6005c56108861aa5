import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `actorgraph serve` runs the `actorgraph-server` executable that lies beside `actorgraph`
/// (docs/DECISIONS.md, "serve is its own executable"): the web server's dependencies (SwiftNIO,
/// Hummingbird) stay out of the command-line tool, which every other command keeps light.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the interactive page on 127.0.0.1, re-rendering each view in process, with a JSON API and candidate review.",
        discussion: """
            Runs actorgraph-server (built with `swift build --product actorgraph-server`), which must lie \
            beside actorgraph; every argument is passed on. See `actorgraph-server --help`: \
            actorgraph serve G.yaml [--port N] [--host H] [--candidates FILE].
            """)

    @Argument(parsing: .captureForPassthrough, help: "Arguments of actorgraph-server: G.yaml [--port N] [--host H] [--candidates FILE].")
    var arguments: [String] = []

    func run() throws {
        let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0])
        let server = me.deletingLastPathComponent().appendingPathComponent("actorgraph-server").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw ValidationError("actorgraph serve needs actorgraph-server beside actorgraph (\(server)): build it with `swift build --product actorgraph-server` (or -c release)")
        }
        let argv = [server] + arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArgs.append(nil)
        execv(server, &cArgs)
        throw ValidationError("cannot run \(server): \(String(cString: strerror(errno)))")
    }
}
