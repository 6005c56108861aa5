import ActorGraphCore
import Yams

/// Typed, located access to the keys of one YAML mapping that is one element of the graph.
///
/// Reading a key reports wrong types, unknown keys, missing keys and undecodable values (unknown
/// vocabulary, invalid dates and weights) into the ``SourceMap`` and marks that field as reported;
/// ``NodeLocator`` finds the places of the others when a violation needs one.
struct NodeFields {
    typealias Element = GraphViolation.Element
    let place: SourcePlace?
    let element: Element
    private var entries: [String: Yams.Node] = [:]

    /// Reads `node` as the mapping of `element`, whose keys must be among `allowed`. Reports and
    /// returns nil when the node is not a mapping.
    init?(_ node: Yams.Node, _ element: Element, allowed: [String], map: inout SourceMap) {
        self.place = node.place
        self.element = element
        let what = element.noun
        guard case .mapping(let mapping) = node else {
            map.sink.error("expected \(what) to be a mapping, found \(node.kindName)", at: node.place)
            // A list item that is lost: its list is incomplete, so warnings about the owner are noise.
            if case .membership(let actor, _) = element { map.markReported(.actor(actor), "memberOf") }
            if case .evidence(let relation, _) = element { map.markReported(.relation(relation), "evidence") }
            return nil
        }
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                map.sink.error("keys of \(what) must be plain names, found \(key.kindName)", at: key.place)
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                map.sink.error("unknown key '\(name)' in \(what)\(didYouMean(name, allowed))", at: key.place)
                continue
            }
            entries[name] = value
        }
    }

    func node(_ key: String) -> Yams.Node? {
        guard let value = entries[key], !value.isNull else { return nil }
        return value
    }

    private func fail(_ key: String, _ message: String, at place: SourcePlace?, _ map: inout SourceMap) {
        map.sink.error(message, at: place)
        map.markReported(element, key)
    }

    /// A string value; reports a non-scalar. `required` reports a missing or null key.
    func string(_ key: String, required: Bool = false, map: inout SourceMap) -> String? {
        guard let value = node(key) else {
            if required { fail(key, "\(element.noun) is missing required key '\(key)'", at: place, &map) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            fail(key, "expected '\(key)' to be a string, found \(value.kindName)", at: value.place, &map)
            return nil
        }
        return scalar.string
    }

    /// A sequence value; reports a scalar or mapping.
    func sequence(_ key: String, map: inout SourceMap) -> [Yams.Node]? {
        guard let value = node(key) else { return nil }
        guard case .sequence(let items) = value else {
            fail(key, "expected '\(key)' to be a sequence, found \(value.kindName)", at: value.place, &map)
            return nil
        }
        return Array(items)
    }

    /// A list of strings.
    func stringList(_ key: String, map: inout SourceMap) -> [String] {
        guard let items = sequence(key, map: &map) else { return [] }
        var result: [String] = []
        for item in items {
            guard case .scalar(let scalar) = item, !item.isNull else {
                fail(key, "expected each of '\(key)' to be a string, found \(item.kindName)", at: item.place, &map)
                continue
            }
            result.append(scalar.string)
        }
        return result
    }

    /// A value from a closed vocabulary, reported with a suggestion when it is misspelt.
    func choice<T: VocabularyTerm>(_ key: String, of type: T.Type, required: Bool = false,
                                   map: inout SourceMap) -> T? {
        guard let text = string(key, required: required, map: &map) else { return nil }
        if let value = T(rawValue: text) { return value }
        map.report(.unknownValue(text, of: T.self, at: .init(element, key)))
        return nil
    }

    func date(_ key: String, map: inout SourceMap) -> PartialDate? {
        guard let text = string(key, map: &map) else { return nil }
        if let date = PartialDate(text) { return date }
        map.report(.invalidDate(text, at: .init(element, key)))
        return nil
    }

    func weight(map: inout SourceMap) -> Double? {
        guard let text = string("weight", map: &map) else { return nil }
        if let value = Double(text), value.isFinite { return value }
        map.report(.invalidWeight(text, at: .init(element, "weight")))
        return nil
    }
}
