import ActorGraphCore
import ActorGraphFormats
import ArgumentParser
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a graph in another format.",
        discussion: """
            Own formats: yaml, json, dot (our writer, no Graphviz needed; read back exactly by \
            `actorgraph import FILE.dot`), csv (nodes.csv, edges.csv, documents.csv in a folder). \
            Interchange: gexf (GEXF 1.3), graphml, nodelink (networkx node-link JSON), cytoscape \
            (Cytoscape.js JSON), plover (PLOVER JSONL), and into a folder: gephi and kumu \
            (nodes.csv, edges.csv), neo4j (actors.csv, relations.csv, import.sh), graphframes \
            (vertices.csv, edges.csv, load_graphframes.py). One relation is one edge or row \
            everywhere. See docs/FORMAT.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, json, csv, dot, gexf, graphml, nodelink, cytoscape, gephi, kumu, neo4j, graphframes, plover

        var interchange: InterchangeFormat? { InterchangeFormat(rawValue: rawValue) }
        var isFolder: Bool { self == .csv || interchange?.isFolder == true }
    }

    @OptionGroup var input: InputOptions

    @Option(help: "yaml, json, csv, dot, gexf, graphml, nodelink, cytoscape, gephi, kumu, neo4j, graphframes or plover.")
    var format: Format

    @Option(name: .shortAndLong, help: "Output file (- for stdout); for csv, gephi, kumu, neo4j and graphframes, a folder.")
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
        if format.isFolder && output == "-" {
            throw ValidationError("--format \(format.rawValue) writes several files: name a folder with -o")
        }
    }

    func run() throws {
        var graph = try input.load()
        let source = URL(fileURLWithPath: input.file)
        if !format.isFolder && output != "-" { graph = graph.relocatingCorpus(from: source, to: URL(fileURLWithPath: output)) }
        switch format {
        case .yaml: try writeOutput(GraphFileWriter.text(for: graph, syntax: .yaml), to: output)
        case .json: try writeOutput(GraphFileWriter.text(for: graph, syntax: .json), to: output)
        case .dot: try writeOutput(DOTWriter.text(for: graph, options: dotOptions), to: output)
        case .csv:
            let tables = CSVGraph.tables(for: graph.relocatingDocuments(from: source, toTablesIn: URL(fileURLWithPath: output, isDirectory: true)))
            try writeFolder([.init(name: "nodes.csv", text: tables.nodes), .init(name: "edges.csv", text: tables.edges),
                             .init(name: "documents.csv", text: tables.documents)])
        default:
            let result = format.interchange!.export(graph)
            if result.removedCharacters > 0 {
                printError("warning: removed \(result.removedCharacters) characters that XML 1.0 cannot carry "
                           + "(control characters other than tab, line feed and carriage return; U+FFFE, U+FFFF)")
            }
            if format.isFolder { try writeFolder(result.files) } else { try writeOutput(result.files[0].text, to: output) }
        }
    }

    func writeFolder(_ files: [ScaleOutFormats.File]) throws {
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            printError("\(output): error: cannot create folder: \(error.localizedDescription)")
            throw CLIError.reported(Exit.inputErrors)
        }
        let folder = URL(fileURLWithPath: output)
        for file in files { try writeOutput(file.text, to: folder.appendingPathComponent(file.name).path) }
        if let script = files.first(where: { $0.name.hasSuffix(".sh") }) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755],
                                                   ofItemAtPath: folder.appendingPathComponent(script.name).path)
        }
    }
}
