import Foundation
import TestSupport
import Yams

/// A YAML graph file as JSON with the same node tree, for the fast JSON reader's tests (the same
/// rules as scripts/checks/graph_yaml_to_json.py, without Python).
///
/// A plain scalar that is a JSON number is written as that number, its text unchanged; a plain
/// null (`null`, `~`, nothing) as null; plain `true`/`false` as literals; every other scalar as a
/// JSON string. Aliases are written out in full.
struct YAMLToJSON {
    var path: URL
    /// Indented, non-ASCII characters as they are.
    var pretty: String
    /// On one line, non-ASCII characters as they are.
    var compact: String
    /// On one line, every non-ASCII character escaped (surrogate pairs beyond U+FFFF).
    var ascii: String

    /// The conversions of the files Yams composes into at most 250,000 nodes written.
    static func convert(_ files: [URL]) -> [YAMLToJSON] {
        files.compactMap { url in
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                  let node = try? Yams.compose(yaml: text),
                  let pretty = emit(node, ascii: false, indent: 2),
                  let compact = emit(node, ascii: false, indent: 0),
                  let ascii = emit(node, ascii: true, indent: 0) else { return nil }
            return YAMLToJSON(path: url, pretty: pretty, compact: compact, ascii: ascii)
        }
    }

    static func emit(_ root: Node, ascii: Bool, indent: Int) -> String? {
        var out = ""
        var budget = 250_000
        func write(_ node: Node, depth: Int) -> Bool {
            budget -= 1
            guard budget >= 0 else { return false }
            let pad = indent > 0 ? "\n" + String(repeating: " ", count: indent * (depth + 1)) : ""
            let end = indent > 0 ? "\n" + String(repeating: " ", count: indent * depth) : ""
            switch node {
            case .scalar(let scalar):
                let text = scalar.string
                if scalar.style == .plain && isNumber(text) || scalar.style == .plain && ["true", "false"].contains(text) {
                    out += text
                } else if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(text) {
                    out += "null"
                } else {
                    string(text, ascii: ascii, into: &out)
                }
            case .sequence(let items):
                guard !items.isEmpty else { out += "[]"; return true }
                out += "["
                for (i, item) in items.enumerated() {
                    out += (i > 0 ? "," : "") + pad
                    guard write(item, depth: depth + 1) else { return false }
                }
                out += end + "]"
            case .mapping(let pairs):
                guard !pairs.isEmpty else { out += "{}"; return true }
                out += "{"
                for (i, (key, value)) in pairs.enumerated() {
                    out += (i > 0 ? "," : "") + pad
                    string(key.scalar?.string ?? "\(key)", ascii: ascii, into: &out)
                    out += indent > 0 ? ": " : ":"
                    guard write(value, depth: depth + 1) else { return false }
                }
                out += end + "}"
            case .alias:
                return false
            }
            return true
        }
        return write(root, depth: 0) ? out + "\n" : nil
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`
    static func isNumber(_ text: String) -> Bool {
        var b = Array(text.utf8)[...]
        func digits() -> Int { let n = b.prefix { $0 >= 48 && $0 <= 57 }.count; b = b.dropFirst(n); return n }
        if b.first == UInt8(ascii: "-") { b = b.dropFirst() }
        if b.first == UInt8(ascii: "0") { b = b.dropFirst() } else if digits() == 0 { return false }
        if b.first == UInt8(ascii: ".") { b = b.dropFirst(); if digits() == 0 { return false } }
        if b.first == UInt8(ascii: "e") || b.first == UInt8(ascii: "E") {
            b = b.dropFirst()
            if b.first == UInt8(ascii: "+") || b.first == UInt8(ascii: "-") { b = b.dropFirst() }
            if digits() == 0 { return false }
        }
        return b.isEmpty
    }

    static func string(_ text: String, ascii: Bool, into out: inout String) {
        out += jsonQuoted(text, asciiOnly: ascii)
    }
}
