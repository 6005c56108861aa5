import ActorGraphCore

/// Writes graphs as YAML or JSON with one schema (docs/FORMAT.md).
///
/// Output is deterministic: documents, actors and relations sorted by id, keys in a fixed order,
/// absent optional fields left out. Reading the output gives back an equal graph.
public enum GraphFileWriter {
    public enum Syntax: String, Sendable, CaseIterable { case yaml, json }

    /// The graph as text in the given syntax.
    ///
    /// - Complexity: O(size of the graph).
    public static func text(for graph: ActorGraph, syntax: Syntax) -> String {
        let tree = OrderedValue.graph(graph.canonicalized())
        var out = ""
        out.reserveCapacity(graph.relations.count * 256 + 1024)
        switch syntax {
        case .yaml: YAMLEmitter.emitDocument(tree, into: &out)
        case .json: JSONEmitter.emit(tree, indent: 0, into: &out); out += "\n"
        }
        return out
    }
}

/// A JSON-like value whose mappings keep their key order; the one tree every structured writer
/// (graph files, command output as JSON) emits from.
public indirect enum OrderedValue: Sendable {
    case string(String)
    /// A number, written bare in both syntaxes.
    case number(String)
    case bool(Bool)
    case null
    case list([OrderedValue])
    case map([(String, OrderedValue)])

    /// Pretty-printed JSON text, ending in a newline.
    public var jsonText: String {
        var out = ""
        JSONEmitter.emit(self, indent: 0, into: &out)
        return out + "\n"
    }

    /// JSON on one line, no spaces: for values embedded in other formats (DOT attributes).
    public var compactJSON: String {
        var out = ""
        JSONEmitter.emitCompact(self, into: &out)
        return out
    }

    public static func int(_ value: Int) -> OrderedValue { .number(String(value)) }
    public static func double(_ value: Double) -> OrderedValue { .number(formatNumber(value)) }
    public static func optional(_ value: String?) -> OrderedValue { value.map { .string($0) } ?? .null }

    static func graph(_ g: ActorGraph) -> OrderedValue {
        var top: [(String, OrderedValue)] = []
        top.add("title", g.title)
        top.add("description", g.description)
        top.add("corpus", g.corpus)
        top.append(("documents", .list(g.documents.map(document))))
        top.append(("actors", .list(g.actors.map(actor))))
        top.append(("relations", .list(g.relations.map(relation))))
        return .map(top)
    }

    static func document(_ d: Document) -> OrderedValue {
        var m: [(String, OrderedValue)] = [("id", .string(d.id.rawValue)), ("path", .string(d.path))]
        m.add("title", d.title)
        m.add("outlet", d.outlet)
        m.add("published", d.published?.description)
        m.add("url", d.url)
        m.add("notes", d.notes)
        return .map(m)
    }

    static func actor(_ a: ActorNode) -> OrderedValue {
        var m: [(String, OrderedValue)] = [("id", .string(a.id.rawValue)), ("name", .string(a.name)),
                                           ("kind", .string(a.kind.rawValue))]
        if !a.aliases.isEmpty { m.append(("aliases", .list(a.aliases.map { .string($0) }))) }
        m.add("country", a.country)
        if !a.memberOf.isEmpty {
            m.append(("memberOf", .list(a.memberOf.map { ms in
                var e: [(String, OrderedValue)] = [("actor", .string(ms.actor.rawValue))]
                e.add("role", ms.role)
                e.add("date", ms.date?.description)
                e.add("until", ms.until?.description)
                return .map(e)
            })))
        }
        m.add("wikidata", a.wikidata)
        m.add("notes", a.notes)
        return .map(m)
    }

    static func relation(_ r: Relation) -> OrderedValue {
        var m: [(String, OrderedValue)] = [
            ("id", .string(r.id.rawValue)), ("source", .string(r.source.rawValue)),
            ("target", .string(r.target.rawValue)), ("type", .string(r.type.rawValue)),
        ]
        m.add("label", r.label)
        m.add("date", r.date?.description)
        m.add("until", r.until?.description)
        m.append(("modality", .string(r.modality.rawValue)))
        if !r.evidence.isEmpty {
            m.append(("evidence", .list(r.evidence.map {
                .map([("document", .string($0.document.rawValue)), ("quote", .string($0.quote))])
            })))
        }
        if let weight = r.weight { m.append(("weight", .number(formatNumber(weight)))) }
        m.add("notes", r.notes)
        return .map(m)
    }
}

/// Shortest text that reads back as the same Double ("2", "0.5", "1e-09").
public func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}

extension Array where Element == (String, OrderedValue) {
    mutating func add(_ key: String, _ value: String?) {
        if let value { append((key, .string(value))) }
    }
}

/// Block-style YAML with conservative quoting: a string is written plain only when every YAML
/// reader takes it back as the same string; otherwise it is double-quoted with escapes.
enum YAMLEmitter {
    static func emitDocument(_ value: OrderedValue, into out: inout String) {
        guard case .map(let pairs) = value else { return }
        for (key, item) in pairs { emitPair(key, item, indent: 0, into: &out) }
    }

    static func emitPair(_ key: String, _ value: OrderedValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .string(let s):
            out += pad + key + ": "
            scalar(s, into: &out)
            out += "\n"
        case .number(let n):
            out += pad + key + ": " + n + "\n"
        case .bool(let b):
            out += pad + key + ": " + (b ? "true" : "false") + "\n"
        case .null:
            out += pad + key + ": null\n"
        case .list(let items):
            if items.isEmpty { out += pad + key + ": []\n"; return }
            out += pad + key + ":\n"
            for item in items { emitItem(item, indent: indent + 2, into: &out) }
        case .map(let pairs):
            if pairs.isEmpty { out += pad + key + ": {}\n"; return }
            out += pad + key + ":\n"
            for (k, v) in pairs { emitPair(k, v, indent: indent + 2, into: &out) }
        }
    }

    static func emitItem(_ value: OrderedValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent - 2)
        switch value {
        case .string(let s):
            out += pad + "- "
            scalar(s, into: &out)
            out += "\n"
        case .number(let n):
            out += pad + "- " + n + "\n"
        case .bool(let b):
            out += pad + "- " + (b ? "true" : "false") + "\n"
        case .null:
            out += pad + "- null\n"
        case .list(let items):
            out += pad + "-\n"
            for item in items { emitItem(item, indent: indent + 2, into: &out) }
        case .map(let pairs):
            for (index, (k, v)) in pairs.enumerated() {
                if index == 0 {
                    out += pad + "- "
                    var first = ""
                    emitPair(k, v, indent: indent, into: &first)
                    out += first.dropFirst(indent)
                } else {
                    emitPair(k, v, indent: indent, into: &out)
                }
            }
        }
    }

    static let reserved: Set<String> = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    ]

    /// Whether `s` reads back as the same string when written without quotes.
    static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
              first != " ", last != " " else { return false }
        if reserved.contains(s.lowercased()) { return false }
        if PartialDate(s) != nil { return true }
        // Letters first (so never a number, bool or null), then a small safe alphabet.
        guard first.isASCIILetterOrUnderscore else { return false }
        var previous: Unicode.Scalar = first
        for c in s.unicodeScalars {
            switch c {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".", "/", "(", ")", "'", ",": break
            case " ": if previous == " " { return false }
            default: return false
            }
            previous = c
        }
        return true
    }

    static func scalar(_ s: String, into out: inout String) {
        if isPlainSafe(s) { out += s; return }
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{A0}": out += "\\_"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value)
                    || c.value == 0xFEFF || c.value == 0xFFFE || c.value == 0xFFFF {
                    out += "\\u" + String(c.value, radix: 16).leftPadded(4)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
    }
}

/// Pretty-printed JSON with two-space indentation and the given key order.
enum JSONEmitter {
    static func emit(_ value: OrderedValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 2)
        switch value {
        case .string(let s):
            string(s, into: &out)
        case .number(let n):
            out += n
        case .bool(let b):
            out += b ? "true" : "false"
        case .null:
            out += "null"
        case .list(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                emit(item, indent: indent + 2, into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .map(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (k, v)) in pairs.enumerated() {
                out += pad
                string(k, into: &out)
                out += ": "
                emit(v, indent: indent + 2, into: &out)
                out += i + 1 < pairs.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    static func emitCompact(_ value: OrderedValue, into out: inout String) {
        switch value {
        case .string(let s): string(s, into: &out)
        case .number(let n): out += n
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                emitCompact(item, into: &out)
            }
            out += "]"
        case .map(let pairs):
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                string(k, into: &out)
                out += ":"
                emitCompact(v, into: &out)
            }
            out += "}"
        }
    }

    /// A JSON string literal. Besides what JSON requires, the characters YAML treats as line
    /// breaks or byte-order marks are escaped, so the file also reads back through YAML readers.
    static func string(_ s: String, into out: inout String) {
        let utf8 = s.utf8
        // Fast path: printable ASCII without quotes or backslashes needs no escape at all.
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 >= 0x7F }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "\"": bytes += [0x5C, 0x22]
            case "\\": bytes += [0x5C, 0x5C]
            case "\n": bytes += [0x5C, UInt8(ascii: "n")]
            case "\t": bytes += [0x5C, UInt8(ascii: "t")]
            case "\r": bytes += [0x5C, UInt8(ascii: "r")]
            default:
                if c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value)
                    || c.value == 0x2028 || c.value == 0x2029 || c.value == 0xFEFF
                    || c.value == 0xFFFE || c.value == 0xFFFF {
                    bytes += Array(("\\u" + String(c.value, radix: 16).leftPadded(4)).utf8)
                } else {
                    UTF8.encode(c) { bytes.append($0) }
                }
            }
        }
        bytes.append(0x22)
        out += String(decoding: bytes, as: UTF8.self)
    }
}

extension Unicode.Scalar {
    var isASCIILetterOrUnderscore: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
