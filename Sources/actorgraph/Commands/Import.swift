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
            from the edge endpoints (kind group, name = id). The graph is validated before it is written. \
            See docs/FORMAT.md.
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
        var graph: ActorGraph
        if inputExtension != "csv" {
            let loaded = try DOTImporter.graph(fromDOT: String(decoding: try readBytes(input), as: UTF8.self), file: input)
            for warning in loaded.warnings { printError(warning.description) }
            graph = loaded.graph
        } else {
            func table(_ path: String) throws -> CSVGraph.Input { CSVGraph.Input(file: path, bytes: try readBytes(path)) }
            let loaded = try CSVGraph.load(edges: try table(input), nodes: try nodes.map(table), documents: try documents.map(table))
            for warning in loaded.warnings { printError(warning.description) }
            graph = loaded.graph
        }
        // Document paths stay valid from the new file's folder.
        let origin = inputExtension == "csv" ? (documents ?? input) : input
        if output != "-" { graph = graph.relocatingCorpus(from: URL(fileURLWithPath: origin), to: URL(fileURLWithPath: output)) }
        try validateBeforeWriting(graph, to: output)
        try writeOutput(GraphFileWriter.text(for: graph, syntax: syntax(forPath: output) ?? .yaml), to: output)
        if output != "-" {
            printError("wrote \(output): \(graph.actors.count) actors, \(graph.relations.count) relations")
        }
    }
}
