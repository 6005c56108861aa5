import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import ArgumentParser
import Foundation

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add the accepted candidates of a candidates file to a graph.",
        discussion: """
            Accepted candidates become relations; one equal to an existing relation (same \
            endpoints, type and date; either order for meets) adds its quote to it instead. Proposed \
            actors they use are added with their id without the new- prefix; their documents are \
            registered. The result is checked like `validate` (every quote verified) and written \
            atomically, to --output or over the graph. The graph file is rewritten in canonical \
            form: comments and anchors of a hand-written file are not kept.
            """)

    @Argument(help: "The candidates file (from `actorgraph extract`, reviewed).")
    var candidates: String

    @Option(help: "The graph to merge into (.yaml, .yml, .json).")
    var into: String

    @Option(name: .shortAndLong, help: "Where to write the result (default: over the graph).")
    var output: String?

    func validate() throws {
        let out = output ?? into
        guard out == "-" || syntax(forPath: out) != nil else {
            throw ValidationError("the output must end in .yaml, .yml or .json")
        }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let loadedCandidates = try loadGraph(candidates)
        let loadedTarget = try loadGraph(into)
        let targetURL = URL(fileURLWithPath: into, relativeTo: cwd)
        let (merged, summary) = CandidateMerge.merge(
            loadedCandidates.graph,
            candidatesCorpus: loadedCandidates.corpusDirectory ?? cwd,
            into: loadedTarget.graph,
            targetCorpus: loadedTarget.graph.corpusFolder(readFrom: targetURL))
        let out = output ?? into
        var graph = merged
        if out != "-" { graph = merged.relocatingCorpus(from: targetURL, to: URL(fileURLWithPath: out, relativeTo: cwd)) }
        let text = GraphFileWriter.text(for: graph, syntax: syntax(forPath: out) ?? .yaml)
        let folder = out == "-" ? targetURL.deletingLastPathComponent()
            : URL(fileURLWithPath: out, relativeTo: cwd).deletingLastPathComponent()
        _ = try GraphFileReader.parse(bytes: Array(text.utf8), file: out, baseDirectory: folder)
        try writeOutput(text, to: out)
        var message = "merged: \(summary.relationsAdded) relations added, \(summary.duplicates) equal to existing ones "
            + "(\(summary.evidenceAdded) quotes added), \(summary.actorsAdded.count) actors added, "
            + "\(summary.documentsAdded.count) documents registered; \(summary.notAccepted) candidates not accepted"
        for (from, to) in summary.actorsAdded { message += "\n  actor \(from) → \(to)" }
        if out != "-" { message += "\nwrote \(out)" }
        printError(message)
    }
}
