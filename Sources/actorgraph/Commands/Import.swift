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
        abstract: "Turn tables, DOT, GraphML, GEXF, JSON graphs or event data into a graph file.",
        discussion: """
            The input's format comes from its extension (.dot/.gv, .graphml, .gexf, .json for \
            node-link or Cytoscape.js, .jsonl for PLOVER, .zip for GDELT; a .csv/.tsv is sniffed: \
            61 tab-separated columns is GDELT, actor1/event_type is ACLED, ActorGraph's own header is \
            its CSV, anything else a Gephi, Kumu or plain source,target table) or from --from. \
            Edges without a type get --type (default supports, meets for undirected edges), with \
            a warning. Event data join into one relation per pair, type and --period, through the \
            --mapping of CAMEO codes, PLOVER categories and ACLED event types (--print-mapping \
            shows the default); a summary accounts for every row. The graph is validated before \
            it is written. See docs/FORMAT.md.
            """)

    enum Source: String, ExpressibleByArgument, CaseIterable {
        case csv, table, dot, graphml, gexf, nodelink, cytoscape, plover, gdelt, acled
    }

    @Argument(help: "The input file.")
    var input: String?

    @Option(help: "The input's format: csv (ActorGraph's), table (Gephi, Kumu, source,target), dot, graphml, gexf, nodelink, cytoscape, plover, gdelt, acled.")
    var from: Source?

    @Option(help: "An optional nodes table: id,name,kind,… (csv and table inputs)")
    var nodes: String?

    @Option(help: "An optional documents table: id,path,… (csv input)")
    var documents: String?

    @Option(help: "The type of edges that carry none: supports, meets, opposes or hosts.")
    var type: RelationType?

    @Option(help: "Event data: join events per day, month or year.")
    var period: EventPeriod = .month

    @Option(help: "Event data: a mapping file (scheme<TAB>code<TAB>type) instead of the default.")
    var mapping: String?

    @Option(help: "Event data: the relation weight, count or goldstein (summed Goldstein score; GDELT).")
    var weight: EventWeight = .count

    @Option(help: "DOT: seconds Graphviz may take to parse (and again to lay out) the file in its sandbox.")
    var dotTimeout: Double = DOTSandbox.defaultTimeout

    @Flag(help: "DOT: only parse the file; do not check that Graphviz can lay it out as written.")
    var noLayoutCheck = false

    @Flag(help: "Print the default event mapping and exit.")
    var printMapping = false

    @Option(name: .shortAndLong, help: "The graph file to write (.yaml, .yml or .json), or - for YAML on stdout.")
    var output: String?

    enum EventWeight: String, ExpressibleByArgument, CaseIterable { case count, goldstein }

    func validate() throws {
        if printMapping { return }
        guard input != nil else { throw ValidationError("name the input file") }
        guard let output, output == "-" || syntax(forPath: output) != nil else {
            throw ValidationError("-o names the output, ending in .yaml, .yml or .json")
        }
        if !(dotTimeout > 0 && dotTimeout <= 3600) { throw ValidationError("--dot-timeout takes seconds, more than 0 and at most 3600") }
        if ![.csv, .table].contains(source) && nodes != nil || source != .csv && documents != nil {
            throw ValidationError("--nodes goes with a table input, --documents with an ActorGraph CSV edges table")
        }
    }

    var source: Source {
        if let from { return from }
        let path = input ?? ""
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "dot", "gv": return .dot
        case "graphml", "xml": return .graphml
        case "gexf": return .gexf
        case "json": return .nodelink
        case "jsonl", "ndjson": return .plover
        case "zip": return .gdelt
        default: return sniff(path)
        }
    }

    /// A table's kind from its first line.
    func sniff(_ path: String) -> Source {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .table }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 65_536), as: UTF8.self)
        let first = head.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        if first.filter({ $0 == "\t" }).count == GDELTReader.columnCount - 1 { return .gdelt }
        let header = first.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let lower = Set(header.map { $0.lowercased() })
        if lower.isSuperset(of: ["actor1", "event_type"]) { return .acled }
        if header.contains("type"), Set(header).isSubset(of: CSVGraph.edgeColumns) { return .csv }
        return .table
    }

    func run() throws {
        if printMapping { print(EventMapping.standardText, terminator: ""); return }
        let input = input!, output = output!
        let options = ImportOptions(type: type)
        var graph: ActorGraph
        var loaded: LoadedGraph?
        func table(_ path: String, _ limits: InputLimits = .table) throws -> CSVGraph.Input {
            CSVGraph.Input(file: path, bytes: try readBytes(path, limits: limits))
        }
        switch source {
        case .csv:
            loaded = try CSVGraph.load(edges: try table(input), nodes: try nodes.map { try table($0) }, documents: try documents.map { try table($0) })
        case .table: loaded = try SpreadsheetFormats.graph(edges: try table(input), nodes: try nodes.map { try table($0) }, options: options)
        case .dot:
            // Untrusted: parsed (and laid out as written) by Graphviz in a child process.
            loaded = try DOTSandbox.currentExecutable(timeout: dotTimeout)
                .graph(fromDOT: try readBytes(input, limits: .dot), file: input, options: options, checkLayout: !noLayoutCheck)
        case .graphml: loaded = try GraphMLFormat.graph(from: try readBytes(input, limits: .interchange), file: input, options: options)
        case .gexf: loaded = try GEXFFormat.graph(from: try readBytes(input, limits: .interchange), file: input, options: options)
        case .nodelink, .cytoscape: loaded = try JSONGraphFormats.graph(from: try readBytes(input, limits: .interchange), file: input, options: options)
        case .plover, .gdelt, .acled: break
        }
        if let loaded {
            for warning in loaded.warnings { printError(warning.description) }
            graph = loaded.graph
        } else {
            let mapping = try self.mapping.map { try EventMapping(text: String(decoding: try readBytes($0, limits: .sideFile), as: UTF8.self), file: $0) }
                ?? EventMapping.standard
            let events: EventImport
            switch source {
            case .gdelt: events = try GDELTReader.read(path: input, mapping: mapping, period: period, weightByGoldstein: weight == .goldstein)
            case .acled: events = try EventTableReaders.acled(try table(input), mapping: mapping, period: period)
            default: events = try EventTableReaders.plover(try table(input, .jsonLines), mapping: mapping, period: period)
            }
            printError(events.summary(file: input))
            try InputLimits.table.check(events.graph, file: input)
            // The event readers only aggregate: this is where their graph meets the validator
            // (every other reader above has run it already).
            try validateBeforeWriting(events.graph, to: output)
            graph = events.graph
        }
        // Document paths stay valid from the new file's folder.
        if [.csv, .dot].contains(source), output != "-" {
            let origin = source == .csv ? (documents ?? input) : input
            graph = graph.relocatingCorpus(from: URL(fileURLWithPath: origin), to: URL(fileURLWithPath: output))
        }
        try writeOutput(GraphFileWriter.text(for: graph, syntax: syntax(forPath: output) ?? .yaml), to: output)
        if output != "-" {
            printError("wrote \(output): \(graph.actors.count) actors, \(graph.relations.count) relations")
        }
    }
}


extension EventPeriod: ExpressibleByArgument {}
extension RelationType: ExpressibleByArgument {}
