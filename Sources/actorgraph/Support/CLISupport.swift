import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import ArgumentParser
import Foundation

/// Exit statuses, mapped in one place (docs/CLI.md).
enum Exit {
    static let inputErrors: Int32 = 1
    static let unknownActor: Int32 = 2
    static let noPath: Int32 = 3
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Prints diagnostics to stderr and fails with exit status 1 when there are errors.
func report(_ error: Error) -> ExitCode {
    switch error {
    case let error as DiagnosticsError:
        for diagnostic in error.diagnostics { printError(diagnostic.description) }
    case let error as AtomicFile.WriteError:
        printError(error.description)
    case let error as GraphvizError:
        printError("error: \(error)")
    default:
        printError("error: \(error)")
    }
    return ExitCode(Exit.inputErrors)
}

/// Reads a graph file, printing its warnings; on errors prints them and exits 1.
func loadGraph(_ path: String, verifyEvidence: Bool = true) throws -> LoadedGraph {
    do {
        let loaded = try GraphFileReader.read(contentsOf: URL(fileURLWithPath: path), displayPath: path,
                                              options: .init(verifyEvidence: verifyEvidence))
        for warning in loaded.warnings { printError(warning.description) }
        return loaded
    } catch {
        throw report(error)
    }
}

/// Resolves an actor name, or prints the candidates and exits 2.
func resolveActor(_ name: String, in graph: ActorGraph) throws -> ActorNode {
    let lookup = ActorLookup(graph)
    switch lookup.resolve(name) {
    case .found(let id):
        return lookup.actor(id)!
    case .ambiguous(let ids):
        printError("error: '\(name)' is ambiguous; it matches:")
        for id in ids { printError("  \(id)  \(lookup.actor(id)!.name)") }
        throw ExitCode(Exit.unknownActor)
    case .notFound(let closest):
        printError("error: no actor named '\(name)'; closest:")
        for id in closest { printError("  \(id)  \(lookup.actor(id)!.name)") }
        throw ExitCode(Exit.unknownActor)
    }
}

/// Writes text to a path atomically, or to stdout for "-".
func writeOutput(_ text: String, to path: String) throws {
    if path == "-" {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    do {
        try AtomicFile.write(text, to: URL(fileURLWithPath: path))
    } catch {
        throw report(error)
    }
}

func readBytes(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("\(path): error: cannot read file")
        throw ExitCode(Exit.inputErrors)
    }
    return Array(data)
}

/// Output formats chosen by `--format`.
enum TextFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
