import ActorGraphCore

/// The interchange formats `actorgraph export` writes beside its own YAML, JSON, CSV and DOT.
public enum InterchangeFormat: String, Sendable, CaseIterable {
    case gexf, graphml, nodelink, cytoscape, gephi, kumu, neo4j, graphframes, plover

    /// Whether the format is several files, written into a folder.
    public var isFolder: Bool { [.gephi, .kumu, .neo4j, .graphframes].contains(self) }

    /// What an export produced: its files (one, named by the caller, for single-file formats)
    /// and how many characters XML could not carry and were removed.
    public struct Output: Sendable {
        public var files: [ScaleOutFormats.File]
        public var removedCharacters = 0
    }

    /// The graph in this format.
    ///
    /// - Complexity: O(size of the graph).
    public func export(_ graph: ActorGraph) -> Output {
        func one(_ text: String, removed: Int = 0) -> Output { Output(files: [.init(name: "", text: text)], removedCharacters: removed) }
        switch self {
        case .gexf: let (text, removed) = GEXFFormat.text(for: graph); return one(text, removed: removed)
        case .graphml: let (text, removed) = GraphMLFormat.text(for: graph); return one(text, removed: removed)
        case .nodelink: return one(JSONGraphFormats.nodeLink(for: graph))
        case .cytoscape: return one(JSONGraphFormats.cytoscape(for: graph))
        case .plover: return one(PLOVERWriter.text(for: graph))
        case .gephi, .kumu:
            let tables = SpreadsheetFormats.tables(for: graph, dialect: self == .gephi ? .gephi : .kumu)
            return Output(files: [.init(name: "nodes.csv", text: tables.nodes), .init(name: "edges.csv", text: tables.edges)])
        case .neo4j: return Output(files: ScaleOutFormats.neo4j(for: graph))
        case .graphframes: return Output(files: ScaleOutFormats.graphFrames(for: graph))
        }
    }
}
