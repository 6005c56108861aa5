/// Which relations a view keeps: by type, modality, date window and the kinds of their endpoints.
///
/// Every field left `nil` keeps everything. Date rules (documented in docs/CLI.md):
/// - `asOf` keeps relations that had begun by that date (some day of `date` on or before the end of
///   `asOf`) and had not ended before it (`until`, if any, does not end before `asOf` starts).
/// - `between` keeps relations whose span `date … until` (or `date` alone) overlaps the window.
/// - With either, undated relations are dropped: nothing says they held then.
public struct RelationFilter: Sendable, Hashable {
    public var types: Set<RelationType>?
    public var modalities: Set<Modality>?
    public var asOf: PartialDate?
    public var between: ClosedRange<PartialDate>?
    /// Keep only relations both of whose endpoints are of these kinds.
    public var actorKinds: Set<ActorKind>?

    public init(types: Set<RelationType>? = nil, modalities: Set<Modality>? = nil,
                asOf: PartialDate? = nil, between: ClosedRange<PartialDate>? = nil,
                actorKinds: Set<ActorKind>? = nil) {
        self.types = types
        self.modalities = modalities
        self.asOf = asOf
        self.between = between
        self.actorKinds = actorKinds
    }

    /// Whether the filter keeps everything.
    public var isEmpty: Bool {
        types == nil && modalities == nil && asOf == nil && between == nil && actorKinds == nil
    }

    /// Whether `relation` passes. `kind` gives each endpoint's kind (needed only with `actorKinds`).
    public func keeps(_ relation: Relation, kind: (ActorID) -> ActorKind? = { _ in nil }) -> Bool {
        keeps(relation, sourceKind: actorKinds == nil ? nil : kind(relation.source),
              targetKind: actorKinds == nil ? nil : kind(relation.target))
    }

    /// Whether `relation` passes, given its endpoints' kinds (needed only with `actorKinds`).
    func keeps(_ relation: Relation, sourceKind: ActorKind?, targetKind: ActorKind?) -> Bool {
        if let types, !types.contains(relation.type) { return false }
        if let modalities, !modalities.contains(relation.modality) { return false }
        if asOf != nil || between != nil {
            guard let date = relation.date else { return false }
            let last = relation.until ?? date
            if let asOf {
                if !date.startsOnOrBefore(asOf) { return false }
                if let until = relation.until, until.endsBefore(asOf) { return false }
            }
            if let between {
                if !date.startsOnOrBefore(between.upperBound) || last.endsBefore(between.lowerBound) {
                    return false
                }
            }
        }
        if let actorKinds {
            guard let s = sourceKind, let t = targetKind, actorKinds.contains(s), actorKinds.contains(t) else { return false }
        }
        return true
    }
}

extension ActorGraph {
    /// The neighbourhood of `center`: actors within `depth` relations of it (either direction),
    /// and the relations among them.
    ///
    /// - Complexity: O(A + R) (breadth-first search).
    public func neighborhood(of center: ActorID, depth: Int) -> ActorGraph {
        var adjacency: [ActorID: [ActorID]] = [:]
        for r in relations {
            adjacency[r.source, default: []].append(r.target)
            adjacency[r.target, default: []].append(r.source)
        }
        var seen: Set<ActorID> = [center]
        var frontier = [center]
        var level = 0
        while level < depth && !frontier.isEmpty {
            var next: [ActorID] = []
            for node in frontier {
                for other in adjacency[node] ?? [] where seen.insert(other).inserted { next.append(other) }
            }
            frontier = next
            level += 1
        }
        var copy = self
        copy.actors = actors.filter { seen.contains($0.id) }
        copy.relations = relations.filter { seen.contains($0.source) && seen.contains($0.target) }
        return copy
    }
}
