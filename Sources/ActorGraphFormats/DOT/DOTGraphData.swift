/// A DOT graph as a parser saw it: nodes, edges and attributes as plain text, each with the line
/// it was read on. The neutral value between Graphviz's parser (ActorGraphRendering's
/// `DOTImporter`) and ``DOTReader``, which maps it onto the model.
///
/// Attribute values are as cgraph stores them: escString escapes still in, defaults from
/// `node [...]`/`edge [...]` statements applied, empty values left out.
public struct DOTGraphData: Sendable, Hashable, Codable {
    public struct Node: Sendable, Hashable, Codable {
        /// The node's name in the DOT text.
        public var name: String
        public var attributes: [String: String]
        /// 1-based line the parser was reading when it created the node (its first mention).
        public var line: Int?

        public init(name: String, attributes: [String: String] = [:], line: Int? = nil) {
            self.name = name
            self.attributes = attributes
            self.line = line
        }
    }

    public struct Edge: Sendable, Hashable, Codable {
        /// Names of the tail and head nodes.
        public var tail: String
        public var head: String
        /// The edge's `key` (its name in cgraph), when it has one.
        public var key: String?
        public var attributes: [String: String]
        /// 1-based line the parser was reading when it created the edge: the end of its statement
        /// (or the next token's line when the statement ends without `;` or attributes).
        public var line: Int?

        public init(tail: String, head: String, key: String? = nil, attributes: [String: String] = [:],
                    line: Int? = nil) {
            self.tail = tail
            self.head = head
            self.key = key
            self.attributes = attributes
            self.line = line
        }
    }

    public var directed: Bool
    /// Attributes of the root graph.
    public var attributes: [String: String]
    /// Nodes in the parser's order.
    public var nodes: [Node]
    /// Edges in the parser's order (by tail node, then by creation).
    public var edges: [Edge]
    /// What the parser warned about, verbatim.
    public var parserWarnings: [String]

    public init(directed: Bool = true, attributes: [String: String] = [:], nodes: [Node] = [],
                edges: [Edge] = [], parserWarnings: [String] = []) {
        self.directed = directed
        self.attributes = attributes
        self.nodes = nodes
        self.edges = edges
        self.parserWarnings = parserWarnings
    }
}
