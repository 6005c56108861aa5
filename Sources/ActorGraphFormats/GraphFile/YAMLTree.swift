import Foundation
import Yams

/// Parses YAML or JSON text into a located node tree, turning every failure of the parser into a
/// located diagnostic, and guarding against inputs built to exhaust the parser: nesting deeper
/// than ``maxDepth`` (the composer recurses) and alias expansion ("billion laughs") larger than
/// the node budget.
struct YAMLTree {
    static let maxDepth = 200

    let root: Yams.Node

    enum ParseResult {
        case tree(YAMLTree)
        case empty
        case failed(message: String, place: SourcePlace?)
    }

    static func parse(_ text: String, quickKeys: Bool = true) -> ParseResult {
        if let place = firstPlaceDeeperThan(maxDepth, in: text) {
            return .failed(message: "nesting is deeper than \(maxDepth) levels", place: place)
        }
        do {
            guard let node = try compose(text, quickKeys: quickKeys) else { return .empty }
            let budget = max(200_000, text.utf8.count * 4)
            if let place = overBudget(node, budget: budget) {
                return .failed(
                    message: "the document expands to more than \(budget) nodes (an alias bomb?)",
                    place: place)
            }
            return .tree(YAMLTree(root: node))
        } catch let error as YamlError {
            return describe(error, text: text)
        } catch {
            return .failed(message: "\(error)", place: nil)
        }
    }

    /// Composes the text with the resolver that gives today's tree, cheaply when it can.
    ///
    /// Yams checks each mapping for duplicate keys by comparing keys with their resolved tags, and
    /// the default resolver runs every plain key through seven regular expressions: most of the
    /// time of a large file. Without a `!` in the text no node has an explicit tag; then the basic
    /// resolver (every plain scalar a string) finds every duplicate the default one finds, and
    /// more only where a plain key and a quoted key read the same (`1` and `"1"`). So a text it
    /// composes without a duplicate-key error composes to the same tree with the default resolver
    /// (no reader here looks at tags), and one with such an error is composed again with the
    /// default resolver, which reports today's error or none. `quickKeys: false`: the default
    /// resolver only (tests compare the two).
    static func compose(_ text: String, quickKeys: Bool = true) throws -> Yams.Node? {
        guard quickKeys, !text.utf8.contains(UInt8(ascii: "!")) else { return try Yams.compose(yaml: text) }
        do {
            return try Yams.compose(yaml: text, .basic)
        } catch YamlError.duplicatedKeysInMapping {
            return try Yams.compose(yaml: text)
        }
    }

    private static func describe(_ error: YamlError, text: String) -> ParseResult {
        func place(_ mark: Mark) -> SourcePlace {
            SourcePlace(line: max(1, mark.line), column: max(1, mark.column))
        }
        func join(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context, !context.text.isEmpty else { return "syntax error: \(problem)" }
            let line = context.mark.line
            return "syntax error: \(problem) (\(context.text) at line \(line))"
        }
        switch error {
        case let .reader(problem, offset, value, _):
            let at = offset.map { TextInput.place(ofUTF8Offset: $0, in: text) }
            let detail = value >= 0 ? String(format: " (#x%X)", value) : ""
            return .failed(message: "unreadable input: \(problem)\(detail)", place: at)
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return .failed(message: join(context, problem), place: place(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .failed(message: "duplicate key \(keys) in a mapping", place: place(context.mark))
        default:
            return .failed(message: "\(error)", place: nil)
        }
    }

    /// Counts nodes as they would be visited with aliases expanded; returns where the budget ran
    /// out, or nil. Stops as soon as the budget is spent, so it is O(budget) at worst.
    private static func overBudget(_ root: Yams.Node, budget: Int) -> SourcePlace? {
        var remaining = budget
        var stack: [Yams.Node] = [root]
        while let node = stack.popLast() {
            remaining -= 1
            if remaining < 0 {
                return node.mark.map { SourcePlace(line: $0.line, column: $0.column) }
                    ?? SourcePlace(line: 1, column: 1)
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { stack.append(key); stack.append(value) }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            case .scalar, .alias:
                break
            }
        }
        return nil
    }

    /// Whether ``firstPlaceDeeperThan(_:in:)`` finds a place in the UTF-8 `text`, byte by byte
    /// (for the fast JSON path). The same steps: it looks only at ASCII characters, and every byte
    /// of a multi-byte character acts as that character does (neither is one it looks for).
    static func isDeeperThan(_ limit: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var flowDepth = 0, lineDepth = 0
        var atLineStart = true
        var quote: UInt8 = 0  // 0: none
        var previous = UInt8(ascii: "\n")
        for byte in text {
            if byte == UInt8(ascii: "\n") {
                lineDepth = 0; atLineStart = true
                if quote == UInt8(ascii: "'") { quote = 0 }
                previous = byte
                continue
            }
            if quote != 0 {
                if byte == quote && previous != UInt8(ascii: "\\") { quote = 0 }
                previous = byte
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"): flowDepth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth = max(0, flowDepth - 1)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "?"): if atLineStart { lineDepth += 1 }
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\n"):
                quote = UInt8(ascii: "\n")
            default: atLineStart = false
            }
            if flowDepth + lineDepth / 2 > limit { return true }
            previous = byte
        }
        return false
    }

    /// An upper bound on nesting: open flow brackets plus block-sequence dashes and indentation
    /// on the line. Quoted text is skipped. Returns the first place over the limit.
    static func firstPlaceDeeperThan(_ limit: Int, in text: String) -> SourcePlace? {
        var flowDepth = 0
        var line = 1
        var column = 0
        var lineDepth = 0
        var atLineStart = true
        var quote: Unicode.Scalar?
        var previous: Unicode.Scalar = "\n"
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" {
                line += 1; column = 0; lineDepth = 0; atLineStart = true
                if quote == "'" { quote = nil }  // keep going; the parser reports the rest
                previous = scalar
                continue
            }
            if let open = quote {
                if scalar == open && previous != "\\" { quote = nil }
                previous = scalar
                continue
            }
            switch scalar {
            case "\"", "'": quote = scalar
            case "[", "{": flowDepth += 1
            case "]", "}": flowDepth = max(0, flowDepth - 1)
            case " ", "-", "?": if atLineStart { lineDepth += 1 }
            case "#" where previous == " " || previous == "\n":
                quote = "\n"  // a comment runs to the end of the line
            default: atLineStart = false
            }
            if flowDepth + lineDepth / 2 > limit {
                return SourcePlace(line: line, column: column)
            }
            previous = scalar
        }
        return nil
    }
}

extension Yams.Node {
    /// The node's place in the file (1-based), when the parser recorded one.
    var place: SourcePlace? { mark.map { SourcePlace(line: $0.line, column: $0.column) } }

    /// A plain scalar that YAML reads as null (`~`, `null`, or nothing at all).
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// What kind of node this is, for messages.
    var kindName: String {
        switch self {
        case .scalar: return isNull ? "null" : "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .alias: return "an alias"
        }
    }
}
