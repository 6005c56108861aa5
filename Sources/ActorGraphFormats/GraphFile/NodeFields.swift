import Yams

/// Typed, located access to the keys of one YAML mapping, reporting wrong types, unknown keys
/// and missing keys into a ``DiagnosticSink``.
struct NodeFields {
    let place: SourcePlace?
    let what: String
    private var entries: [String: (key: SourcePlace?, value: Yams.Node)] = [:]

    /// Reads `node` as a mapping of `what` whose keys must be among `allowed`. Reports and
    /// returns nil when the node is not a mapping.
    init?(_ node: Yams.Node, what: String, allowed: [String], sink: inout DiagnosticSink) {
        self.place = node.place
        self.what = what
        guard case .mapping(let mapping) = node else {
            sink.error("expected \(what) to be a mapping, found \(node.kindName)", at: node.place)
            return nil
        }
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                sink.error("keys of \(what) must be plain names, found \(key.kindName)",
                           at: key.place)
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                sink.error("unknown key '\(name)' in \(what)\(didYouMean(name, allowed))",
                           at: key.place)
                continue
            }
            entries[name] = (key.place, value)
        }
    }

    func node(_ key: String) -> Yams.Node? {
        guard let value = entries[key]?.value, !value.isNull else { return nil }
        return value
    }

    func keyPlace(_ key: String) -> SourcePlace? { entries[key]?.key }

    /// A string value; reports a non-scalar. `required` reports a missing or null key.
    func string(_ key: String, required: Bool = false, sink: inout DiagnosticSink) -> String? {
        guard let value = node(key) else {
            if required {
                sink.error("\(what) is missing required key '\(key)'", at: place)
            }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            sink.error("expected '\(key)' to be a string, found \(value.kindName)", at: value.place)
            return nil
        }
        return scalar.string
    }

    /// A non-empty string value; an empty or blank one is reported.
    func nonEmptyString(_ key: String, required: Bool = false,
                        sink: inout DiagnosticSink) -> String? {
        guard let text = string(key, required: required, sink: &sink) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            sink.error("'\(key)' of \(what) is empty", at: node(key)?.place ?? place)
            return nil
        }
        return text
    }

    /// A sequence value; reports a scalar or mapping.
    func sequence(_ key: String, required: Bool = false,
                  sink: inout DiagnosticSink) -> [Yams.Node]? {
        guard let value = node(key) else {
            if required { sink.error("\(what) is missing required key '\(key)'", at: place) }
            return nil
        }
        guard case .sequence(let items) = value else {
            sink.error("expected '\(key)' to be a sequence, found \(value.kindName)", at: value.place)
            return nil
        }
        return Array(items)
    }

    /// A list of strings.
    func stringList(_ key: String, sink: inout DiagnosticSink) -> [String] {
        guard let items = sequence(key, sink: &sink) else { return [] }
        var result: [String] = []
        for item in items {
            guard case .scalar(let scalar) = item, !item.isNull else {
                sink.error("expected each of '\(key)' to be a string, found \(item.kindName)",
                           at: item.place)
                continue
            }
            result.append(scalar.string)
        }
        return result
    }

    /// A value from a closed vocabulary, with a suggestion when it is misspelt.
    func choice<T: RawRepresentable & CaseIterable>(
        _ key: String, of type: T.Type, label: String, required: Bool = false,
        sink: inout DiagnosticSink
    ) -> T? where T.RawValue == String {
        guard let text = string(key, required: required, sink: &sink) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        sink.error("unknown \(label) '\(text)'\(didYouMean(text, names)); expected one of: "
                   + names.joined(separator: ", "), at: node(key)?.place)
        return nil
    }
}
