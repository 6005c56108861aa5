import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import ArgumentParser
import Foundation

/// Exit statuses (docs/CLI.md), and the one mapping from errors to them.
enum Exit {
    static let inputErrors: Int32 = 1
    static let unknownActor: Int32 = 2
    static let noPath: Int32 = 3
    static let usage: Int32 = 64

    /// What `error` says, on one line (for errors located in a table).
    static func message(of error: Error) -> String {
        switch error {
        case CLIError.unknownActor(let name, let closest):
            return "error: no actor named '\(name)'" + (closest.isEmpty ? "" : " (closest: " + closest.map(\.0.rawValue).joined(separator: ", ") + ")")
        case CLIError.ambiguousActor(let name, let matches):
            return "error: '\(name)' is ambiguous (" + matches.map(\.0.rawValue).joined(separator: ", ") + ")"
        default:
            return "error: \(error)"
        }
    }

    /// Prints what `error` says on stderr and returns the error ArgumentParser exits with: the
    /// exit status for our errors, the error itself for ArgumentParser's own (usage, help).
    static func reported(_ error: Error) -> Error {
        switch error {
        case let error as DiagnosticsError:
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            return ExitCode(inputErrors)
        case let error as AtomicFile.WriteError:
            printError(error.description)
            return ExitCode(inputErrors)
        case let error as GraphvizError:
            printError("error: \(error)")
            return ExitCode(inputErrors)
        case let error as CLIError:
            printError(error.description)
            return ExitCode(error.status)
        case let error as AnalysisError:
            printError("error: \(error)")
            switch error {
            case .unknownActor: return ExitCode(unknownActor)
            case .endpointAvoided, .invalidOption: return ExitCode(usage)
            case .didNotConverge: return ExitCode(inputErrors)
            }
        default:
            return error
        }
    }
}

/// Errors of the command line itself.
enum CLIError: Error, CustomStringConvertible {
    /// A name matched no actor; the closest ones, with their names.
    case unknownActor(String, closest: [(ActorID, String)])
    /// A name matched several actors.
    case ambiguousActor(String, matches: [(ActorID, String)])
    /// A file could not be read.
    case unreadable(String)
    /// Failure already reported on stderr; only the status is left.
    case reported(Int32)

    var status: Int32 {
        switch self {
        case .unknownActor, .ambiguousActor: return Exit.unknownActor
        case .unreadable: return Exit.inputErrors
        case .reported(let status): return status
        }
    }

    var description: String {
        func list(_ actors: [(ActorID, String)]) -> String { actors.map { "\n  \($0.0)  \($0.1)" }.joined() }
        switch self {
        case .unknownActor(let name, let closest): return "error: no actor named '\(name)'; closest:" + list(closest)
        case .ambiguousActor(let name, let matches): return "error: '\(name)' is ambiguous; it matches:" + list(matches)
        case .unreadable(let path): return "\(path): error: cannot read file"
        case .reported: return ""
        }
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    guard !text.isEmpty else { return }
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
