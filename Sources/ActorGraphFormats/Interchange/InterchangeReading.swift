import ActorGraphCore
import Foundation

/// What every attribute-based reader does last, and the JSON helpers the JSON readers share.
enum InterchangeReading {
    /// Adds a node for every edge endpoint the input does not declare (an edge is never dropped),
    /// then maps and validates.
    static func finish(_ data: DOTGraphData, file: String, options: ImportOptions) throws -> LoadedGraph {
        var data = data
        var declared = Set(data.nodes.map(\.name))
        for edge in data.edges {
            for name in [edge.tail, edge.head] where declared.insert(name).inserted {
                data.nodes.append(.init(name: name, attributes: [:], line: edge.line))
            }
        }
        let loaded = try AttributeMapper.graph(from: data, file: file, options: options)
        try InputLimits.interchange.check(loaded.graph, file: file)
        return loaded
    }

    /// A JSON value as attribute text: strings as they are, numbers in their shortest form,
    /// booleans as `true`/`false`, lists and maps as compact JSON; nil for null.
    static func text(_ value: Any) -> String? {
        if value is NSNull { return nil }
        let ordered = OrderedValue(json: value)
        if case .bool(let b) = ordered { return b ? "true" : "false" }
        if case .number(let n) = ordered, let d = Double(n) { return formatNumber(d) }
        return ordered.plainText
    }

    /// A JSON object's members as attribute text, without `skipping` keys.
    static func attributes(_ object: [String: Any], skipping: Set<String> = []) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in object where !skipping.contains(key) {
            if let text = text(value) { result[key] = text }
        }
        return result
    }

    /// Parses JSON bytes, or throws a diagnostic saying why not.
    static func json(_ bytes: [UInt8], file: String) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw DiagnosticsError([Diagnostic(file: file, message: "the file is not valid JSON (\((error as NSError).localizedDescription))")])
        }
    }
}
