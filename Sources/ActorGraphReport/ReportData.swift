import ActorGraphCore
import ActorGraphFormats
import Foundation

/// What the interactive page reads: the graph as JSON (actors, cited relations, documents), the
/// drawing's style table, and, for `serve`, which live features the server offers.
///
/// JSON: `{title, description, live, review, actors: [{id, name, kind, aliases, country, memberOf}],
/// relations: [CitedRelation…], documents: [{id, path, title, outlet, published, url}],
/// styles: {kinds: {kind: {shape, fill, line}}, types: {type: {color, arrowhead, symmetric}},
/// modalities: {modality: lineStyle}}}`.
public struct ReportData: Sendable, Encodable {
    public struct Actor: Sendable, Encodable {
        public var id: ActorID
        public var name: String
        public var kind: ActorKind
        public var aliases: [String]
        public var country: String?
        public var memberOf: [ActorID]
    }

    public struct DocumentInfo: Sendable, Encodable {
        public var id: DocumentID
        public var path: String
        public var title: String?
        public var outlet: String?
        public var published: PartialDate?
        public var url: String?
    }

    struct KindStyle: Encodable, Sendable { var shape, fill, line: String }
    struct TypeStyle: Encodable, Sendable { var color, arrowhead: String; var symmetric: Bool }
    struct Styles: Encodable, Sendable {
        var kinds: [String: KindStyle]
        var types: [String: TypeStyle]
        var modalities: [String: String]
    }

    public var title: String?
    public var description: String?
    /// Whether a server answers the page's questions (`serve`), or the page stands alone (`report`).
    public var live: Bool
    /// Whether the server reviews a candidates file.
    public var review: Bool
    public var actors: [Actor]
    public var relations: [CitedRelation]
    public var documents: [DocumentInfo]
    var styles: Styles

    /// - Complexity: O(A + R + D).
    public init(graph: ActorGraph, live: Bool = false, review: Bool = false) {
        title = graph.title
        description = graph.description
        self.live = live
        self.review = review
        actors = graph.actors.map {
            Actor(id: $0.id, name: $0.name, kind: $0.kind, aliases: $0.aliases, country: $0.country,
                  memberOf: $0.memberOf.map(\.actor))
        }
        let documents = graph.documentsByID
        relations = graph.relations.map { CitedRelation($0, documents: documents) }
        self.documents = graph.documents.map {
            DocumentInfo(id: $0.id, path: $0.path, title: $0.title, outlet: $0.outlet, published: $0.published, url: $0.url)
        }
        var kinds: [String: KindStyle] = [:]
        for kind in ActorKind.allCases {
            let s = DiagramStyle.style(for: kind)
            kinds[kind.rawValue] = KindStyle(shape: s.shape, fill: s.fill, line: s.line)
        }
        var types: [String: TypeStyle] = [:]
        for type in RelationType.allCases {
            let s = DiagramStyle.style(for: type)
            types[type.rawValue] = TypeStyle(color: s.color, arrowhead: s.arrowhead, symmetric: type.isSymmetric)
        }
        var modalities: [String: String] = [:]
        for m in Modality.allCases { modalities[m.rawValue] = DiagramStyle.lineStyle(for: m) }
        styles = Styles(kinds: kinds, types: types, modalities: modalities)
    }

    /// Compact JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// Text made safe to sit inside an HTML `<script type="application/json">` element: `<`, `>`
/// and `&` become `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can close or
/// confuse the element), and U+2028, U+2029 become `\u2028`, `\u2029`. Valid only for JSON text,
/// where these characters can appear inside strings alone.
public func scriptSafeJSON(_ json: String) -> String {
    var out = ""
    out.reserveCapacity(json.utf8.count + 64)
    for scalar in json.unicodeScalars {
        switch scalar {
        case "<": out += "\\u003c"
        case ">": out += "\\u003e"
        case "&": out += "\\u0026"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// Text escaped for HTML element content and attribute values.
public func htmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for c in text {
        switch c {
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "&": out += "&amp;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}
