// Codable conformances of the model's values, in the shapes the answers' JSON uses
// (docs/CLI.md): identifiers, vocabulary and dates as plain strings.

/// Identifiers encode as their raw string.
public protocol StringIdentifier: Codable {
    var rawValue: String { get }
    init(_ rawValue: String)
}

extension StringIdentifier {
    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

extension ActorID: StringIdentifier {}
extension DocumentID: StringIdentifier {}
extension RelationID: StringIdentifier {}

extension ActorKind: Codable {}
extension RelationType: Codable {}
extension Modality: Codable {}
extension DirectionMode: Codable {}
extension WeightRule: Codable {}

extension PartialDate: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let date = PartialDate(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "invalid date '\(text)' (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension ActorGraph {
    /// Actors by id (the first of a duplicated id wins). O(A).
    public var actorsByID: [ActorID: ActorNode] {
        var map: [ActorID: ActorNode] = [:]
        map.reserveCapacity(actors.count)
        for actor in actors where map[actor.id] == nil { map[actor.id] = actor }
        return map
    }

    /// Documents by id (the first of a duplicated id wins). O(D).
    public var documentsByID: [DocumentID: Document] {
        var map: [DocumentID: Document] = [:]
        for document in documents where map[document.id] == nil { map[document.id] = document }
        return map
    }
}

extension RelationFilter {
    /// The filter in words, for headers of answers: "all relations", or parts such as
    /// "types supports,hosts; as of 2022" joined by "; ".
    public var summary: String {
        var parts: [String] = []
        func list<T: RawRepresentable & CaseIterable & Hashable>(_ set: Set<T>?) -> String?
        where T.RawValue == String {
            set.map { s in T.allCases.filter { s.contains($0) }.map(\.rawValue).joined(separator: ",") }
        }
        if let t = list(types) { parts.append("types " + t) }
        if let m = list(modalities) { parts.append("modality " + m) }
        if let k = list(actorKinds) { parts.append("kinds " + k) }
        if let asOf { parts.append("as of \(asOf)") }
        if let between { parts.append("between \(between.lowerBound) and \(between.upperBound)") }
        return parts.isEmpty ? "all relations" : parts.joined(separator: "; ")
    }
}

/// A coding key spelled at run time: for JSON objects whose keys are data (measure names,
/// census patterns).
struct AnswerKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
