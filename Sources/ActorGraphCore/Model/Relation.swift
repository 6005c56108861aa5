/// A typed, dated, evidenced relation between two actors.
public struct Relation: Sendable, Hashable {
    // What every relation has is stored inline (with the weight, which bulk tables often carry);
    // what many do not (an explicit id, a label, notes, an end date) sits in one shared, immutable
    // box, absent when all are. A relation from a bulk table thus takes 80 bytes.

    /// The fields a relation may lack. Immutable: a change makes a new box (value semantics).
    final class Extras: Sendable {
        let explicitID: RelationID?
        let label: String?
        let notes: String?
        let until: PartialDate?

        init(explicitID: RelationID?, label: String?, notes: String?, until: PartialDate?) {
            self.explicitID = explicitID
            self.label = label
            self.notes = notes
            self.until = until
        }
    }

    public var source: ActorID
    public var target: ActorID
    public var evidence: [Evidence]
    var extras: Extras?
    /// An optional numeric weight (strength, count, Goldstein value) for weighted analysis.
    public var weight: Double?
    /// When the relation held or the event happened (not when it was published).
    public var date: PartialDate?
    /// For a derived id: 1 for `source-type-target`, k for its `-k` form (0 with an explicit id).
    var derivedOrdinal: UInt32 = 0
    public var type: RelationType
    public var modality: Modality

    /// Replaces one optional field, keeping the others.
    private mutating func update(explicitID: RelationID?? = nil, label: String?? = nil, notes: String?? = nil,
                                 until: PartialDate?? = nil) {
        let i = explicitID ?? extras?.explicitID, l = label ?? extras?.label, n = notes ?? extras?.notes
        let u = until ?? extras?.until
        extras = i == nil && l == nil && n == nil && u == nil ? nil : Extras(explicitID: i, label: l, notes: n, until: u)
    }

    /// The id given in a file or in code; nil while the id is derived (see ``id``).
    var explicitID: RelationID? {
        get { extras?.explicitID }
        set { update(explicitID: .some(newValue)) }
    }

    /// The relation's identifier: the one given, or derived as `source-type-target` (then `-2`,
    /// `-3`… for parallel relations) when a file gives none. A derived id is spelled only when
    /// asked, so a large table read without ids keeps no id strings.
    public var id: RelationID {
        get {
            if let explicitID { return explicitID }
            let base = "\(source.rawValue)-\(type.rawValue)-\(target.rawValue)"
            return RelationID(derivedOrdinal > 1 ? "\(base)-\(derivedOrdinal)" : base)
        }
        set {
            explicitID = newValue
            derivedOrdinal = 0
        }
    }

    /// Whether the id was derived (no file or caller gave one).
    public var hasDerivedID: Bool { explicitID == nil }

    /// A short verb phrase: "praised", "met with", "office in Baghdad".
    public var label: String? {
        get { extras?.label }
        set { update(label: .some(newValue)) }
    }

    public var notes: String? {
        get { extras?.notes }
        set { update(notes: .some(newValue)) }
    }

    /// The last date it held, for relations that span time.
    public var until: PartialDate? {
        get { extras?.until }
        set { update(until: .some(newValue)) }
    }

    public static func == (a: Relation, b: Relation) -> Bool {
        a.source == b.source && a.target == b.target && a.type == b.type && a.label == b.label
            && a.date == b.date && a.until == b.until && a.modality == b.modality && a.evidence == b.evidence
            && a.weight == b.weight && a.notes == b.notes
            && (a.explicitID == nil && b.explicitID == nil ? a.derivedOrdinal == b.derivedOrdinal : a.id == b.id)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(target)
        hasher.combine(type)
        hasher.combine(date)
        hasher.combine(evidence)
    }

    /// A relation whose id is derived, `source-type-target` (a ``RelationIDAllocator`` numbers
    /// parallel ones while a graph is read).
    public init(source: ActorID, target: ActorID, type: RelationType, label: String? = nil,
                date: PartialDate? = nil, until: PartialDate? = nil, modality: Modality = .asserted,
                evidence: [Evidence] = [], weight: Double? = nil, notes: String? = nil) {
        self.source = source
        self.target = target
        self.type = type
        self.date = date
        self.modality = modality
        self.evidence = evidence
        self.weight = weight
        self.extras = nil
        self.derivedOrdinal = 1
        if label != nil || notes != nil || until != nil {
            update(label: .some(label), notes: .some(notes), until: .some(until))
        }
    }

    public init(id: RelationID, source: ActorID, target: ActorID, type: RelationType,
                label: String? = nil, date: PartialDate? = nil, until: PartialDate? = nil,
                modality: Modality = .asserted, evidence: [Evidence] = [], weight: Double? = nil,
                notes: String? = nil) {
        self.init(source: source, target: target, type: type, label: label, date: date, until: until,
                  modality: modality, evidence: evidence, weight: weight, notes: notes)
        self.id = id
    }

    /// Chronological order: undated relations first, then by date (a coarser date first when two
    /// start together), then by id. For listings of evidence.
    public static func chronological(_ a: Relation, _ b: Relation) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return true
        case (_?, nil): return false
        default: return a.id < b.id
        }
    }

    /// The default identifier for a relation: `source-type-target`.
    public static func defaultID(source: ActorID, type: RelationType, target: ActorID) -> RelationID {
        RelationID("\(source.rawValue)-\(type.rawValue)-\(target.rawValue)")
    }
}

/// Hands out derived relation ids while a graph is read: ``Relation/defaultID(source:type:target:)``
/// for the first relation of a kind between two actors, then `-2`, `-3`… for parallel ones,
/// skipping any id already taken (by an explicit id, say).
public struct RelationIDAllocator {
    private struct Key: Hashable {
        var source: ActorID
        var target: ActorID
        var type: RelationType
    }

    private var counts: [Key: UInt32] = [:]
    private var positionCounts = PackedCounter()

    public init() {}

    /// Room for `count` distinct (source, target, type) triples.
    public mutating func reserveCapacity(_ count: Int) {
        positionCounts.reserve(count)
    }

    /// Gives `relation` the next derived id, counting parallel relations by the positions of its
    /// endpoints among the graph's actors (a reader that interns ids knows them) instead of by
    /// their ids. Use this or the id-keyed forms for one graph, not both; no explicit id may
    /// collide (a table without an id column).
    ///
    /// - Complexity: O(1) expected, no string hashed.
    public mutating func derive(_ relation: inout Relation, sourcePosition: Int32, targetPosition: Int32) {
        // Positions are below 2^31: source, target and the type's two bits fill one UInt64.
        let key = UInt64(UInt32(bitPattern: sourcePosition)) << 33 | UInt64(UInt32(bitPattern: targetPosition)) << 2
            | UInt64(RelationType.allCases.firstIndex(of: relation.type)!)
        relation.explicitID = nil
        relation.derivedOrdinal = positionCounts.increment(key)
    }

    /// Gives `relation` the next derived id, spelled only when asked. For a graph with no
    /// explicit ids, which no derived id can collide with.
    ///
    /// - Complexity: O(1) expected.
    public mutating func derive(_ relation: inout Relation) {
        let key = Key(source: relation.source, target: relation.target, type: relation.type)
        let k = counts[key, default: 0] + 1
        relation.explicitID = nil
        relation.derivedOrdinal = k
        counts[key] = k
    }

    /// Gives `relation` the next derived id that `isTaken` does not report as used.
    public mutating func derive(_ relation: inout Relation, isTaken: (RelationID) -> Bool) {
        let key = Key(source: relation.source, target: relation.target, type: relation.type)
        var k = counts[key, default: 0] + 1
        relation.explicitID = nil
        relation.derivedOrdinal = k
        while isTaken(relation.id) { k += 1; relation.derivedOrdinal = k }
        counts[key] = k
    }

    /// The next free derived id; `isTaken` says whether an id is already used.
    public mutating func next(source: ActorID, type: RelationType, target: ActorID,
                              isTaken: (RelationID) -> Bool) -> RelationID {
        var relation = Relation(id: "", source: source, target: target, type: type)
        derive(&relation, isTaken: isTaken)
        return relation.id
    }
}
