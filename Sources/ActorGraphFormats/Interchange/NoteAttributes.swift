import Foundation

/// Attributes the model has no field for (a foreign DOT's `shape=box`, a GraphML key we do not
/// know, an event import's count and Goldstein sum), kept in an element's `notes` as one final
/// line: `attributes: {"count":3,"shape":"box"}` (compact JSON, keys sorted).
///
/// The Core model cannot grow a field here, so the notes carry the map; docs/DECISIONS.md says
/// why. Readers merge what they find into the line, and DOT export writes the map back as DOT
/// attributes.
public enum NoteAttributes {
    /// The line's prefix.
    public static let prefix = "attributes: "

    /// The notes without the attributes line, and the map (empty when there is none or it is not
    /// a JSON object).
    public static func split(_ notes: String?) -> (text: String?, attributes: [String: OrderedValue]) {
        guard let notes else { return (nil, [:]) }
        let lines = notes.split(separator: "\n", omittingEmptySubsequences: false)
        guard let last = lines.last, last.hasPrefix(prefix),
              let object = try? JSONSerialization.jsonObject(with: Data(last.dropFirst(prefix.count).utf8)),
              let map = object as? [String: Any] else { return (notes, [:]) }
        let text = lines.dropLast().joined(separator: "\n")
        return (text.isEmpty ? nil : text, map.mapValues(OrderedValue.init(json:)))
    }

    /// `text` with `attributes` merged into its attributes line (values already there win).
    public static func merge(_ attributes: [String: OrderedValue], into notes: String?) -> String? {
        guard !attributes.isEmpty else { return notes }
        let (text, existing) = split(notes)
        let merged = existing.merging(attributes) { old, _ in old }
        let line = prefix + OrderedValue.map(merged.sorted { $0.key < $1.key }).compactJSON
        return text.map { $0 + "\n" + line } ?? line
    }

    /// The map's values as plain strings (a string as itself, anything else as compact JSON).
    public static func strings(_ notes: String?) -> [(key: String, value: String)] {
        split(notes).attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value.plainText) }
    }
}

extension OrderedValue {
    /// A value from `JSONSerialization`; dictionaries get their keys sorted.
    public init(json: Any) {
        switch json {
        case let s as String: self = .string(s)
        case let n as NSNumber:
            let code = String(cString: n.objCType)
            self = code == "c" || code == "B" ? .bool(n.boolValue) : .double(n.doubleValue)
        case let list as [Any]: self = .list(list.map(OrderedValue.init(json:)))
        case let map as [String: Any]: self = .map(map.sorted { $0.key < $1.key }.map { ($0.key, OrderedValue(json: $0.value)) })
        default: self = .null
        }
    }

    /// A string as itself, anything else as compact JSON.
    public var plainText: String {
        if case .string(let s) = self { return s }
        if case .number(let n) = self { return n }
        return compactJSON
    }
}
