import ActorGraphFormats
import ArgumentParser

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check graph files: syntax, schema, references, dates, and that every quote occurs in its document.",
        discussion: "Prints every problem as file:line:column: error: message. Exits 0 when all files are clean (warnings allowed), 1 otherwise.")

    @Argument(help: "Graph files (.yaml, .yml or .json).")
    var files: [String]

    @Flag(help: "Do not read the cited documents (skip quote verification).")
    var noQuotes = false

    func run() throws {
        var failed = false
        for file in files {
            do {
                let loaded = try loadGraph(file, verifyEvidence: !noQuotes)
                let g = loaded.graph
                let quotes = g.relations.reduce(0) { $0 + $1.evidence.count }
                print("\(file): ok: \(g.actors.count) actors, \(g.relations.count) relations, "
                      + "\(g.documents.count) documents, \(quotes) quotes"
                      + (noQuotes ? " (not verified)" : " verified"))
            } catch {
                _ = Exit.reported(error)
                failed = true
            }
        }
        if failed { throw ExitCode(Exit.inputErrors) }
    }
}
