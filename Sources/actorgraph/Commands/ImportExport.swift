import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import ArgumentParser
import Foundation

/// Graph-file syntax from an output path's extension.
func syntax(forPath path: String) -> GraphFileWriter.Syntax? {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "yaml", "yml": return .yaml
    case "json": return .json
    default: return nil
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn CSV tables or a DOT file into a graph file.",
        discussion: """
            A .dot or .gv file is read by Graphviz's own parser; node attribute kind and edge \
            attributes type, label, date, until, modality and evidence map onto the model, and \
            anything missing is defaulted with a warning. The edges table has the header source,target,type and optional columns id, date, until, \
            label, modality, document, quote, weight, notes. Without --nodes, actors are created \
            from the edge endpoints (kind group, name = id). See docs/FORMAT.md.
            """)

    @Argument(help: "The edges table (.csv), or a DOT file (.dot, .gv).")
    var input: String

    @Option(help: "An optional nodes table: id,name,kind,…")
    var nodes: String?

    @Option(help: "An optional documents table: id,path,…")
    var documents: String?

    @Option(name: .shortAndLong, help: "The graph file to write (.yaml, .yml or .json), or - for YAML on stdout.")
    var output: String

    func validate() throws {
        guard output == "-" || syntax(forPath: output) != nil else {
            throw ValidationError("the output must end in .yaml, .yml or .json")
        }
        guard ["csv", "dot", "gv"].contains(inputExtension) else {
            throw ValidationError("the input must be a .csv edges table or a .dot/.gv file")
        }
        if inputExtension != "csv" && (nodes != nil || documents != nil) {
            throw ValidationError("--nodes and --documents go with a .csv edges table")
        }
    }

    var inputExtension: String { URL(fileURLWithPath: input).pathExtension.lowercased() }

    func run() throws {
        if inputExtension != "csv" {
            let text = String(decoding: try readBytes(input), as: UTF8.self)
            let loaded: LoadedGraph
            do {
                loaded = try DOTImporter.graph(fromDOT: text, file: input)
            } catch {
                throw report(error)
            }
            for warning in loaded.warnings { printError(warning.description) }
            let graph = loaded.graph
            try writeOutput(GraphFileWriter.text(for: graph, syntax: syntax(forPath: output) ?? .yaml), to: output)
            if output != "-" {
                printError("wrote \(output): \(graph.actors.count) actors, \(graph.relations.count) relations")
            }
            return
        }
        let edges = CSVGraph.Input(file: input, bytes: try readBytes(input))
        let nodeInput = try nodes.map { CSVGraph.Input(file: $0, bytes: try readBytes($0)) }
        let documentInput = try documents.map { CSVGraph.Input(file: $0, bytes: try readBytes($0)) }
        let graph: ActorGraph
        do {
            graph = try CSVGraph.graph(edges: edges, nodes: nodeInput, documents: documentInput)
        } catch {
            throw report(error)
        }
        try writeOutput(GraphFileWriter.text(for: graph, syntax: syntax(forPath: output) ?? .yaml), to: output)
        if output != "-" {
            printError("wrote \(output): \(graph.actors.count) actors, \(graph.relations.count) relations")
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a graph in another format: yaml, json, dot, or csv (nodes.csv, edges.csv, documents.csv in a folder).",
        discussion: "DOT export is our own writer (no Graphviz needed): one DOT edge per relation, every attribute kept (kind, type, label, date, modality, evidence as JSON), readable back exactly by `actorgraph import FILE.dot`.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json, csv, dot }

    @Argument(help: "A graph file.")
    var file: String

    @Option(help: "yaml, json or csv.")
    var format: Format

    @Option(name: .shortAndLong, help: "Output file (- for stdout); for csv, a folder.")
    var output: String = "-"

    @Flag(help: "Do not read the cited documents (skip quote verification).")
    var noQuotes = false

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
        let graph = try loadGraph(file, verifyEvidence: !noQuotes).graph
        switch format {
        case .yaml: try writeOutput(GraphFileWriter.text(for: graph, syntax: .yaml), to: output)
        case .json: try writeOutput(GraphFileWriter.text(for: graph, syntax: .json), to: output)
        case .dot: try writeOutput(DOTWriter.text(for: graph, options: dotOptions), to: output)
        case .csv:
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                printError("\(output): error: cannot create folder: \(error.localizedDescription)")
                throw ExitCode(Exit.inputErrors)
            }
            let tables = CSVGraph.tables(for: graph)
            let folder = URL(fileURLWithPath: output)
            try writeOutput(tables.nodes, to: folder.appendingPathComponent("nodes.csv").path)
            try writeOutput(tables.edges, to: folder.appendingPathComponent("edges.csv").path)
            try writeOutput(tables.documents, to: folder.appendingPathComponent("documents.csv").path)
        }
    }
}
