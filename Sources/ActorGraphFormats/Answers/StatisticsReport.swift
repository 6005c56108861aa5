import ActorGraphCore

/// A graph's statistics as `actorgraph stats` prints them: a summary table, or JSON (keys in
/// docs/CLI.md).
public struct StatisticsReport: Sendable {
    public let graph: ActorGraph
    public let statistics: GraphStatistics

    /// - Complexity: as `GraphStatistics.init(_:)` (ActorGraphCore).
    public init(_ graph: ActorGraph) {
        self.graph = graph
        statistics = GraphStatistics(graph)
    }

    /// The summary table, headed by the graph's title or `file`.
    public func text(file: String) -> String { Self.text(graph, statistics, file: file) }

    /// The statistics as JSON text.
    public var json: String { Self.json(graph, statistics).jsonText }

    static func counts<T: RawRepresentable & CaseIterable>(_ values: [T: Int], _: T.Type) -> String
    where T.RawValue == String, T: Hashable {
        T.allCases.compactMap { k in values[k].map { "\(k.rawValue) \($0)" } }.joined(separator: " · ")
    }

    static func text(_ graph: ActorGraph, _ s: GraphStatistics, file: String) -> String {
        var out = "\(graph.title ?? file)\n"
        func row(_ name: String, _ n: Int, _ detail: String) {
            out += name.padding(toLength: 11, withPad: " ", startingAt: 0)
                + String(n).leftAligned(5) + detail + "\n"
        }
        row("actors", s.actorCount, counts(s.actorsByKind, ActorKind.self))
        row("relations", s.relationCount, counts(s.relationsByType, RelationType.self))
        out += "modality".padding(toLength: 16, withPad: " ", startingAt: 0)
            + counts(s.relationsByModality, Modality.self) + "\n"
        let quotes = graph.relations.reduce(0) { $0 + $1.evidence.count }
        row("quotes", quotes, s.relationsWithoutEvidence == 0 ? "every relation cites evidence"
            : "\(s.relationsWithoutEvidence) relations cite none")
        let span = s.earliest.map { "\($0) to \(s.latest!)" } ?? "no dated relations"
        row("dates", s.relationCount - s.undatedRelations,
            "dated; " + span + (s.undatedRelations > 0 ? " (\(s.undatedRelations) undated)" : ""))
        row("documents", s.documentCount, "relations citing each:")
        for document in graph.documents.sorted(by: { $0.id < $1.id }) {
            let n = s.relationsByDocument[document.id] ?? 0
            out += "  " + document.id.rawValue + "  " + String(n).leftAligned(4)
                + (document.title.map { $0.count > 60 ? String($0.prefix(59)) + "…" : $0 } ?? document.path) + "\n"
        }
        return out
    }

    static func json(_ graph: ActorGraph, _ s: GraphStatistics) -> OrderedValue {
        func map<T: RawRepresentable & CaseIterable & Hashable>(_ values: [T: Int], _: T.Type) -> OrderedValue
        where T.RawValue == String {
            .map(T.allCases.map { ($0.rawValue, .int(values[$0] ?? 0)) })
        }
        return .map([
            ("title", .optional(graph.title)),
            ("actors", .map([("total", .int(s.actorCount)), ("byKind", map(s.actorsByKind, ActorKind.self))])),
            ("relations", .map([
                ("total", .int(s.relationCount)),
                ("byType", map(s.relationsByType, RelationType.self)),
                ("byModality", map(s.relationsByModality, Modality.self)),
                ("withoutEvidence", .int(s.relationsWithoutEvidence)),
                ("undated", .int(s.undatedRelations)),
            ])),
            ("quotes", .int(graph.relations.reduce(0) { $0 + $1.evidence.count })),
            ("documents", .list(graph.documents.sorted(by: { $0.id < $1.id }).map { d in
                .map([("id", .string(d.id.rawValue)), ("title", .optional(d.title)),
                      ("relations", .int(s.relationsByDocument[d.id] ?? 0))])
            })),
            ("dates", .map([("earliest", .optional(s.earliest?.description)),
                            ("latest", .optional(s.latest?.description))])),
        ])
    }
}

extension String {
    func leftAligned(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
