import ActorGraphCore
import ActorGraphFormats
import ArgumentParser
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a graph in another format: yaml, json, dot, or csv (nodes.csv, edges.csv, documents.csv in a folder).",
        discussion: "DOT export is our own writer (no Graphviz needed): one DOT edge per relation, every attribute kept (kind, type, label, date, modality, evidence as JSON), readable back exactly by `actorgraph import FILE.dot`.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json, csv, dot }

    @OptionGroup var input: InputOptions

    @Option(help: "yaml, json, csv or dot.")
    var format: Format

    @Option(name: .shortAndLong, help: "Output file (- for stdout); for csv, a folder.")
    var output: String = "-"

    @Flag(help: "DOT only: group members inside their umbrella actor (memberOf).")
    var cluster = false

    @Flag(help: "DOT only: add a legend of the kinds and types present.")
    var legend = false

    var dotOptions: DiagramOptions {
        var options = DiagramOptions.export
        options.cluster = cluster
        options.legend = legend
        return options
    }

    func validate() throws {
        if format == .csv && output == "-" {
            throw ValidationError("--format csv writes three files: name a folder with -o")
        }
    }

    func run() throws {
        var graph = try input.load()
        let source = URL(fileURLWithPath: input.file)
        if format != .csv && output != "-" { graph = graph.relocatingCorpus(from: source, to: URL(fileURLWithPath: output)) }
        try validateBeforeWriting(graph, to: output)
        switch format {
        case .yaml: try writeOutput(GraphFileWriter.text(for: graph, syntax: .yaml), to: output)
        case .json: try writeOutput(GraphFileWriter.text(for: graph, syntax: .json), to: output)
        case .dot: try writeOutput(DOTWriter.text(for: graph, options: dotOptions), to: output)
        case .csv:
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                printError("\(output): error: cannot create folder: \(error.localizedDescription)")
                throw CLIError.reported(Exit.inputErrors)
            }
            let tables = CSVGraph.tables(for: graph.relocatingDocuments(from: source, toTablesIn: URL(fileURLWithPath: output, isDirectory: true)))
            let folder = URL(fileURLWithPath: output)
            try writeOutput(tables.nodes, to: folder.appendingPathComponent("nodes.csv").path)
            try writeOutput(tables.edges, to: folder.appendingPathComponent("edges.csv").path)
            try writeOutput(tables.documents, to: folder.appendingPathComponent("documents.csv").path)
        }
    }
}
