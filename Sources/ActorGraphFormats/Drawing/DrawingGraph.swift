/// A graph ready to draw: nodes, edges and clusters with Graphviz attributes, as plain values.
///
/// The DOT writer serialises it and the renderer builds a cgraph graph from it through the API,
/// so an exported DOT file and an in-process render look the same. Attribute values are what
/// Graphviz should receive: escString-typed ones (labels, tooltips, ids) are already escaped with
/// ``EscString/escape(_:)``.
public struct DrawingGraph: Sendable, Hashable {
    public struct Node: Sendable, Hashable {
        public var name: String
        public var attributes: [Attribute]
        public init(name: String, attributes: [Attribute]) {
            self.name = name
            self.attributes = attributes
        }
    }

    public struct Edge: Sendable, Hashable {
        public var tail: String
        public var head: String
        /// Distinguishes parallel edges (cgraph's edge name; DOT's `key` attribute).
        public var key: String
        public var attributes: [Attribute]
        public init(tail: String, head: String, key: String, attributes: [Attribute]) {
            self.tail = tail
            self.head = head
            self.key = key
            self.attributes = attributes
        }
    }

    /// A cluster: its nodes and nested clusters.
    public struct Cluster: Sendable, Hashable {
        public var name: String
        public var attributes: [Attribute]
        public var nodes: [String]
        public var clusters: [Cluster]
        public init(name: String, attributes: [Attribute], nodes: [String], clusters: [Cluster]) {
            self.name = name
            self.attributes = attributes
            self.nodes = nodes
            self.clusters = clusters
        }
    }

    public struct Attribute: Sendable, Hashable {
        public var key: String
        public var value: String
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public var name: String
    public var graphAttributes: [Attribute]
    public var nodeDefaults: [Attribute]
    public var edgeDefaults: [Attribute]
    public var nodes: [Node]
    public var edges: [Edge]
    public var clusters: [Cluster]

    public init(name: String, graphAttributes: [Attribute] = [], nodeDefaults: [Attribute] = [],
                edgeDefaults: [Attribute] = [], nodes: [Node] = [], edges: [Edge] = [],
                clusters: [Cluster] = []) {
        self.name = name
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
    }
}

/// Graphviz's escString: in labels, tooltips and ids a backslash starts an escape (`\n`, `\l`,
/// `\N`…). Escaping every backslash and turning line breaks into `\n` makes Graphviz show the
/// text exactly, and ``unescape(_:)`` gives it back.
public enum EscString {
    /// - Complexity: O(n) in the text's UTF-8 length; one scan when nothing needs escaping.
    public static func escape(_ text: String) -> String {
        var text = text
        // Byte-level: `\\`, LF and CR are ASCII, so UTF-8 sequences pass through untouched.
        return text.withUTF8 { bytes -> String? in
            var extra = 0
            for byte in bytes where byte == 0x5C || byte == 0x0A || byte == 0x0D { extra += 1 }
            guard extra > 0 else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count + extra) { out in
                var i = 0
                for byte in bytes {
                    switch byte {
                    case 0x5C: out[i] = 0x5C; out[i + 1] = 0x5C; i += 2
                    case 0x0A: out[i] = 0x5C; out[i + 1] = UInt8(ascii: "n"); i += 2
                    case 0x0D: out[i] = 0x5C; out[i + 1] = UInt8(ascii: "r"); i += 2
                    default: out[i] = byte; i += 1
                    }
                }
                return i
            }
        } ?? text
    }

    /// The inverse of ``escape(_:)``. `\l` and `\r` (left/right-justified line ends) read as line
    /// breaks; an unknown escape keeps its character.
    public static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = String.UnicodeScalarView()
        var escaped = false
        for scalar in text.unicodeScalars {
            if escaped {
                switch scalar {
                case "n", "l": out.append("\n")
                case "r": out.append("\r")
                default: out.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                out.append(scalar)
            }
        }
        if escaped { out.append("\\") }
        return String(out)
    }
}
