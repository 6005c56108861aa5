/// A stable, human-chosen identifier such as `hamas` or `iraq-gov`.
public struct ActorID: Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: ActorID, rhs: ActorID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A source document's identifier, e.g. `004_c8ccd50eb3e71274`.
public struct DocumentID: Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: DocumentID, rhs: DocumentID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A relation's identifier; derived as `source-type-target` when the file gives none.
public struct RelationID: Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: RelationID, rhs: RelationID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A source document that relations cite.
public struct Document: Sendable, Hashable {
    public var id: DocumentID
    /// Path of the text, relative to the graph's corpus folder.
    public var path: String
    public var title: String?
    public var outlet: String?
    public var published: PartialDate?
    public var url: String?
    public var notes: String?

    public init(id: DocumentID, path: String, title: String? = nil, outlet: String? = nil,
                published: PartialDate? = nil, url: String? = nil, notes: String? = nil) {
        self.id = id
        self.path = path
        self.title = title
        self.outlet = outlet
        self.published = published
        self.url = url
        self.notes = notes
    }
}

/// Membership of one actor in another: a person in an organization, a faction in an umbrella.
public struct Membership: Sendable, Hashable {
    public var actor: ActorID
    public var role: String?
    public var date: PartialDate?
    public var until: PartialDate?

    public init(actor: ActorID, role: String? = nil, date: PartialDate? = nil,
                until: PartialDate? = nil) {
        self.actor = actor
        self.role = role
        self.date = date
        self.until = until
    }
}

/// A node of the graph: a government, militia, organization, person, international body or group.
///
/// Named `ActorNode`, not `Actor`, so that it never shadows Swift's `Actor` protocol.
public struct ActorNode: Sendable, Hashable {
    public var id: ActorID
    public var name: String
    public var kind: ActorKind
    public var aliases: [String]
    /// ISO 3166-1 alpha-2 code of the actor's home country, when it has one.
    public var country: String?
    public var memberOf: [Membership]
    public var wikidata: String?
    public var notes: String?

    public init(id: ActorID, name: String, kind: ActorKind, aliases: [String] = [],
                country: String? = nil, memberOf: [Membership] = [], wikidata: String? = nil,
                notes: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.country = country
        self.memberOf = memberOf
        self.wikidata = wikidata
        self.notes = notes
    }
}

/// One piece of evidence: a verbatim quote from a document.
public struct Evidence: Sendable, Hashable {
    public var document: DocumentID
    public var quote: String

    public init(document: DocumentID, quote: String) {
        self.document = document
        self.quote = quote
    }
}

/// A typed, dated, evidenced relation between two actors.
public struct Relation: Sendable, Hashable {
    // Stored fields are declared widest first, so that a relation packs into 128 bytes.

    /// The id given in a file or in code; nil while the id is derived (see ``id``).
    var explicitID: RelationID?

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

    public var source: ActorID
    public var target: ActorID
    /// A short verb phrase: "praised", "met with", "office in Baghdad".
    public var label: String?
    public var notes: String?
    public var evidence: [Evidence]
    /// An optional numeric weight (strength, count, Goldstein value) for weighted analysis.
    public var weight: Double?
    /// When the relation held or the event happened (not when it was published).
    public var date: PartialDate?
    /// The last date it held, for relations that span time.
    public var until: PartialDate?
    /// For a derived id: 1 for `source-type-target`, k for its `-k` form (0 with an explicit id).
    var derivedOrdinal: UInt32 = 0
    public var type: RelationType
    public var modality: Modality

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

    public init(id: RelationID, source: ActorID, target: ActorID, type: RelationType,
                label: String? = nil, date: PartialDate? = nil, until: PartialDate? = nil,
                modality: Modality = .asserted, evidence: [Evidence] = [], weight: Double? = nil,
                notes: String? = nil) {
        self.explicitID = id
        self.source = source
        self.target = target
        self.type = type
        self.label = label
        self.date = date
        self.until = until
        self.modality = modality
        self.evidence = evidence
        self.weight = weight
        self.notes = notes
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

/// An actor relationship graph: a multigraph of actors and typed relations, with the documents
/// the relations cite.
///
/// Values are kept in the order given; ``canonicalized()`` sorts them by id, which is the order
/// every writer uses.
public struct ActorGraph: Sendable, Hashable {
    public var title: String?
    public var description: String?
    /// Folder holding the documents, relative to the graph file (default: the graph's folder).
    public var corpus: String?
    public var documents: [Document]
    public var actors: [ActorNode] {
        get { actorStorage }
        set { endpoints = nil; actorStorage = newValue }
        // In place (no copy of the array), dropping the endpoint index first.
        _modify { endpoints = nil; yield &actorStorage }
    }
    public var relations: [Relation] {
        get { relationStorage }
        set { endpoints = nil; relationStorage = newValue }
        _modify { endpoints = nil; yield &relationStorage }
    }
    private var actorStorage: [ActorNode]
    private var relationStorage: [Relation]
    /// Where each relation's endpoints stand in `actors`, when computed (``indexEndpoints()``);
    /// dropped by any change to actors or relations.
    var endpoints: EndpointIndex?

    public static func == (a: ActorGraph, b: ActorGraph) -> Bool {
        a.title == b.title && a.description == b.description && a.corpus == b.corpus
            && a.documents == b.documents && a.actors == b.actors && a.relations == b.relations
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(documents)
        hasher.combine(actors)
        hasher.combine(relations)
    }

    public init(title: String? = nil, description: String? = nil, corpus: String? = nil,
                documents: [Document] = [], actors: [ActorNode] = [], relations: [Relation] = []) {
        self.title = title
        self.description = description
        self.corpus = corpus
        self.documents = documents
        self.actorStorage = actors
        self.relationStorage = relations
    }

    /// The same graph with documents, actors and relations sorted by id.
    ///
    /// - Complexity: O(n log n) in the number of elements.
    public func canonicalized() -> ActorGraph {
        var copy = self
        copy.documents.sort { $0.id < $1.id }
        copy.actors.sort { $0.id < $1.id }
        copy.relations.sort { $0.id < $1.id }
        return copy
    }

    /// The actor with the given id, if any. O(n); use ``actorsByID`` for repeated look-ups.
    public func actor(_ id: ActorID) -> ActorNode? { actors.first { $0.id == id } }

    /// The document with the given id, if any.
    public func document(_ id: DocumentID) -> Document? { documents.first { $0.id == id } }
}
