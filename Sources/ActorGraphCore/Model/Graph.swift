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
    // What every actor has (id, name, kind) is stored inline; what actors from a bulk table lack
    // (aliases, country, memberships, Wikidata id, notes) sits in one shared, immutable box,
    // absent when all are empty: such an actor takes 48 bytes instead of 104.

    /// The fields an actor may lack. Immutable: a change makes a new box (value semantics).
    final class Extras: Sendable, Hashable {
        let aliases: [String]
        let country: String?
        let memberOf: [Membership]
        let wikidata: String?
        let notes: String?

        init(aliases: [String], country: String?, memberOf: [Membership], wikidata: String?, notes: String?) {
            self.aliases = aliases
            self.country = country
            self.memberOf = memberOf
            self.wikidata = wikidata
            self.notes = notes
        }

        /// A box, or nil when every field is empty.
        static func make(aliases: [String], country: String?, memberOf: [Membership], wikidata: String?,
                         notes: String?) -> Extras? {
            aliases.isEmpty && country == nil && memberOf.isEmpty && wikidata == nil && notes == nil ? nil
                : Extras(aliases: aliases, country: country, memberOf: memberOf, wikidata: wikidata, notes: notes)
        }

        static func == (a: Extras, b: Extras) -> Bool {
            a === b || (a.aliases == b.aliases && a.country == b.country && a.memberOf == b.memberOf
                        && a.wikidata == b.wikidata && a.notes == b.notes)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(aliases)
            hasher.combine(country)
            hasher.combine(memberOf)
            hasher.combine(wikidata)
            hasher.combine(notes)
        }
    }

    public var id: ActorID
    public var name: String
    public var kind: ActorKind
    var extras: Extras?

    /// Replaces some optional fields, keeping the others.
    private mutating func update(aliases: [String]? = nil, country: String?? = nil, memberOf: [Membership]? = nil,
                                 wikidata: String?? = nil, notes: String?? = nil) {
        extras = .make(aliases: aliases ?? self.aliases, country: country ?? self.country,
                       memberOf: memberOf ?? self.memberOf, wikidata: wikidata ?? self.wikidata, notes: notes ?? self.notes)
    }

    public var aliases: [String] {
        get { extras?.aliases ?? [] }
        set { update(aliases: newValue) }
    }
    /// ISO 3166-1 alpha-2 code of the actor's home country, when it has one.
    public var country: String? {
        get { extras?.country }
        set { update(country: .some(newValue)) }
    }
    public var memberOf: [Membership] {
        get { extras?.memberOf ?? [] }
        set { update(memberOf: newValue) }
    }
    public var wikidata: String? {
        get { extras?.wikidata }
        set { update(wikidata: .some(newValue)) }
    }
    public var notes: String? {
        get { extras?.notes }
        set { update(notes: .some(newValue)) }
    }

    public init(id: ActorID, name: String, kind: ActorKind, aliases: [String] = [],
                country: String? = nil, memberOf: [Membership] = [], wikidata: String? = nil,
                notes: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.extras = .make(aliases: aliases, country: country, memberOf: memberOf, wikidata: wikidata, notes: notes)
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

    /// The actor with the given id (the first, if several have it), if any: O(1) when the graph
    /// carries its endpoint index (graphs from the readers do, see ``indexEndpoints()``), O(n)
    /// otherwise; use ``actorsByID`` for repeated look-ups then.
    public func actor(_ id: ActorID) -> ActorNode? {
        if let endpoints { return endpoints.position[id].map { actors[Int($0)] } }
        return actors.first { $0.id == id }
    }

    /// The document with the given id, if any.
    public func document(_ id: DocumentID) -> Document? { documents.first { $0.id == id } }
}
