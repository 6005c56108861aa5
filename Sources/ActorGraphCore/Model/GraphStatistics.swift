/// Counts that summarise a graph: actors by kind, relations by type and modality, relations per
/// document, and the span of relation dates.
public struct GraphStatistics: Sendable, Equatable {
    public var actorCount: Int
    public var relationCount: Int
    public var documentCount: Int
    public var actorsByKind: [ActorKind: Int]
    public var relationsByType: [RelationType: Int]
    public var relationsByModality: [Modality: Int]
    /// Relations citing each document (a relation citing a document twice counts once).
    public var relationsByDocument: [DocumentID: Int]
    public var relationsWithoutEvidence: Int
    public var undatedRelations: Int
    /// Earliest `date` and latest `until` or `date` over all relations.
    public var earliest: PartialDate?
    public var latest: PartialDate?

    /// Computes the statistics of `graph`.
    ///
    /// - Complexity: O(A + R·E) for A actors, R relations and E evidence items per relation.
    public init(_ graph: ActorGraph) {
        actorCount = graph.actors.count
        relationCount = graph.relations.count
        documentCount = graph.documents.count
        actorsByKind = [:]
        for actor in graph.actors { actorsByKind[actor.kind, default: 0] += 1 }
        relationsByType = [:]
        relationsByModality = [:]
        relationsByDocument = Dictionary(uniqueKeysWithValues: graph.documents.map { ($0.id, 0) })
        relationsWithoutEvidence = 0
        undatedRelations = 0
        earliest = nil
        latest = nil
        for relation in graph.relations {
            relationsByType[relation.type, default: 0] += 1
            relationsByModality[relation.modality, default: 0] += 1
            if relation.evidence.isEmpty { relationsWithoutEvidence += 1 }
            for document in Set(relation.evidence.map(\.document)) {
                relationsByDocument[document, default: 0] += 1
            }
            guard let date = relation.date else { undatedRelations += 1; continue }
            if earliest == nil || date < earliest! { earliest = date }
            let last = relation.until ?? date
            if latest == nil || latest! < last { latest = last }
        }
    }
}
