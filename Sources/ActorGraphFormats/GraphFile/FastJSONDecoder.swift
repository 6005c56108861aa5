import ActorGraphCore

/// Where each element's object starts (the byte offset of its `{`), for ``JSONPlaces``.
struct JSONElementOffsets: Sendable {
    var root = 0
    var documents: [Int32] = []
    var actors: [Int32] = []
    var relations: [Int32] = []
}

/// Decodes the graph schema (docs/FORMAT.md) from JSON bytes straight into the model, with the
/// semantics of ``GraphDecoder`` and ``NodeFields`` for a file they read without a complaint:
/// a string, number, `true` or `false` is a text (a number as written, as libyaml keeps it);
/// `null` is an absent key; dates, weights, kinds, types and modalities must decode. Anything
/// the Yams path would report (an unknown, duplicate or missing key, a value of the wrong
/// kind, an undecodable value, a graph with neither actors nor relations) is a doubt.
struct FastJSONDecoder {
    var s: JSONScanner
    var offsets = JSONElementOffsets()
    /// Actor ids (actors, endpoints, memberships), with the first actor each names (-1: none).
    private var actorIDs = ByteInterner()
    private var actorOfID: [Int32] = []
    private var documentIDs = ByteInterner()
    /// Labels and roles, which bulk files repeat.
    private var phrases = ByteInterner()
    private var sources: [Int32] = [], targets: [Int32] = []
    private var documents: [Document] = [], actors: [ActorNode] = [], relations: [Relation] = []
    private var derivedIDs = RelationIDAllocator()
    /// Every relation id so far, once a relation without one needs it (as ``GraphDecoder``).
    private var takenIDs: Set<RelationID>?

    init(_ scanner: JSONScanner) { s = scanner }

    // MARK: Values

    private mutating func key<K: FastJSONKey>(_ type: K.Type, _ seen: inout UInt32) throws(FastPathDoubt) -> K {
        let k = try s.key()
        guard let (key, bit) = K.table.match(s.base, k.start, k.count), seen & bit == 0 else { throw FastPathDoubt() }
        seen |= bit
        return key
    }

    private mutating func text() throws(FastPathDoubt) -> String? {
        guard let scalar = try s.scalar() else { return nil }
        return try s.text(scalar)
    }

    private static func interned(_ s: inout JSONScanner, _ table: inout ByteInterner) throws(FastPathDoubt) -> Int32? {
        guard let scalar = try s.scalar() else { return nil }
        return try s.withBytes(scalar) { table.intern($0) }
    }

    private mutating func phrase() throws(FastPathDoubt) -> String? {
        guard let entry = try Self.interned(&s, &phrases) else { return nil }
        return phrases.strings[Int(entry)]
    }

    private mutating func actorID() throws(FastPathDoubt) -> Int32? {
        guard let entry = try Self.interned(&s, &actorIDs) else { return nil }
        if Int(entry) == actorOfID.count { actorOfID.append(-1) }
        return entry
    }

    private mutating func documentID() throws(FastPathDoubt) -> DocumentID? {
        guard let entry = try Self.interned(&s, &documentIDs) else { return nil }
        return DocumentID(documentIDs.strings[Int(entry)])
    }

    private mutating func date() throws(FastPathDoubt) -> PartialDate? {
        guard let scalar = try s.scalar() else { return nil }
        return try s.date(scalar)
    }

    private mutating func term<T: VocabularyTerm>(_ type: T.Type) throws(FastPathDoubt) -> T? {
        guard let scalar = try s.scalar() else { return nil }
        return try s.term(scalar, type)
    }

    /// A list (or `null`, no items): each item read by `item`.
    private mutating func list(_ item: (inout FastJSONDecoder) throws(FastPathDoubt) -> Void) throws(FastPathDoubt) {
        if s.takeNull() { return }
        guard try s.open(UInt8(ascii: "[")) else { return }
        repeat { try item(&self) } while try s.next(closing: UInt8(ascii: "["))
    }

    /// An object's members, each read by `member`; the offset of its `{`.
    @discardableResult
    private mutating func object(_ member: (inout FastJSONDecoder) throws(FastPathDoubt) -> Void)
        throws(FastPathDoubt) -> Int32 {
        guard s.peek() == UInt8(ascii: "{") else { throw FastPathDoubt() }
        let start = Int32(s.pos)
        guard try s.open(UInt8(ascii: "{")) else { return start }
        repeat { try member(&self) } while try s.next(closing: UInt8(ascii: "{"))
        return start
    }

    // MARK: The graph

    mutating func decode() throws(FastPathDoubt) -> ActorGraph {
        var seen: UInt32 = 0
        var title: String?, description: String?, corpus: String?
        var hasActors = false, hasRelations = false
        offsets.root = Int(try object { (d) throws(FastPathDoubt) in
            switch try d.key(TopKey.self, &seen) {
            case .title: title = try d.text()
            case .description: description = try d.text()
            case .corpus: corpus = try d.text()
            case .documents: try d.list { (d) throws(FastPathDoubt) in try d.document() }
            case .actors:
                hasActors = d.s.peek() != UInt8(ascii: "n")
                try d.list { (d) throws(FastPathDoubt) in try d.actor() }
            case .relations:
                hasRelations = d.s.peek() != UInt8(ascii: "n")
                try d.list { (d) throws(FastPathDoubt) in try d.relation() }
            }
        })
        guard hasActors || hasRelations else { throw FastPathDoubt() }  // "neither 'actors' nor 'relations'"
        var graph = ActorGraph(title: title, description: description, corpus: corpus, documents: documents,
                               actors: actors, relations: relations)
        // The endpoint index the Yams path computes, from the positions interning found.
        var position: [ActorID: Int32] = [:]
        position.reserveCapacity(actors.count)
        for (k, actor) in actors.enumerated() where position[actor.id] == nil { position[actor.id] = Int32(k) }
        let sourcePositions = sources.map { actorOfID[Int($0)] }
        let targetPositions = targets.map { actorOfID[Int($0)] }
        graph.indexEndpoints(position: position, sources: sourcePositions, targets: targetPositions)
        return graph
    }

    private mutating func document() throws(FastPathDoubt) {
        var seen: UInt32 = 0
        var id: DocumentID?, path: String?, title: String?, outlet: String?, url: String?, notes: String?
        var published: PartialDate?
        let start = try object { (d) throws(FastPathDoubt) in
            switch try d.key(DocumentKey.self, &seen) {
            case .id: id = try d.documentID()
            case .path: path = try d.text()
            case .title: title = try d.text()
            case .outlet: outlet = try d.text()
            case .published: published = try d.date()
            case .url: url = try d.text()
            case .notes: notes = try d.text()
            }
        }
        guard let id, let path else { throw FastPathDoubt() }
        offsets.documents.append(start)
        documents.append(Document(id: id, path: path, title: title, outlet: outlet, published: published,
                                  url: url, notes: notes))
    }

    private mutating func actor() throws(FastPathDoubt) {
        var seen: UInt32 = 0
        var id: Int32?, name: String?, kind: ActorKind?, country: String?, wikidata: String?, notes: String?
        var aliases: [String] = [], memberships: [Membership] = []
        let start = try object { (d) throws(FastPathDoubt) in
            switch try d.key(ActorKey.self, &seen) {
            case .id: id = try d.actorID()
            case .name: name = try d.text()
            case .kind: kind = try d.term(ActorKind.self)
            case .aliases:
                try d.list { (d) throws(FastPathDoubt) in
                    guard let alias = try d.text() else { throw FastPathDoubt() }  // a null alias
                    aliases.append(alias)
                }
            case .country: country = try d.text()
            case .memberOf: try d.list { (d) throws(FastPathDoubt) in memberships.append(try d.membership()) }
            case .wikidata: wikidata = try d.text()
            case .notes: notes = try d.text()
            }
        }
        guard let id, let name, let kind else { throw FastPathDoubt() }
        if actorOfID[Int(id)] < 0 { actorOfID[Int(id)] = Int32(actors.count) }
        offsets.actors.append(start)
        actors.append(ActorNode(id: ActorID(actorIDs.strings[Int(id)]), name: name, kind: kind, aliases: aliases,
                                country: country, memberOf: memberships, wikidata: wikidata, notes: notes))
    }

    private mutating func membership() throws(FastPathDoubt) -> Membership {
        var seen: UInt32 = 0
        var actor: Int32?, role: String?, date: PartialDate?, until: PartialDate?
        try object { (d) throws(FastPathDoubt) in
            switch try d.key(MembershipKey.self, &seen) {
            case .actor: actor = try d.actorID()
            case .role: role = try d.phrase()
            case .date: date = try d.date()
            case .until: until = try d.date()
            }
        }
        guard let actor else { throw FastPathDoubt() }
        return Membership(actor: ActorID(actorIDs.strings[Int(actor)]), role: role, date: date, until: until)
    }

    private mutating func relation() throws(FastPathDoubt) {
        var seen: UInt32 = 0
        var id: String?, source: Int32?, target: Int32?, type: RelationType?, label: String?
        var date: PartialDate?, until: PartialDate?, modality: Modality?, weight: Double?, notes: String?
        var evidence: [Evidence] = []
        let start = try object { (d) throws(FastPathDoubt) in
            switch try d.key(RelationKey.self, &seen) {
            case .id: id = try d.text()
            case .source: source = try d.actorID()
            case .target: target = try d.actorID()
            case .type: type = try d.term(RelationType.self)
            case .label: label = try d.phrase()
            case .date: date = try d.date()
            case .until: until = try d.date()
            case .modality: modality = try d.term(Modality.self)
            case .evidence: try d.list { (d) throws(FastPathDoubt) in evidence.append(try d.evidence()) }
            case .weight: if let w = try d.s.scalar() { weight = try d.s.weight(w) }
            case .notes: notes = try d.text()
            }
        }
        guard let source, let target, let type else { throw FastPathDoubt() }
        let sourceID = ActorID(actorIDs.strings[Int(source)]), targetID = ActorID(actorIDs.strings[Int(target)])
        let relationID: RelationID
        if let id {
            relationID = RelationID(id)
        } else {
            if takenIDs == nil { takenIDs = Set(relations.map(\.id)) }
            let taken = takenIDs!
            relationID = derivedIDs.next(source: sourceID, type: type, target: targetID) { taken.contains($0) }
        }
        takenIDs?.insert(relationID)
        offsets.relations.append(start)
        sources.append(source)
        targets.append(target)
        relations.append(Relation(id: relationID, source: sourceID, target: targetID, type: type, label: label,
                                  date: date, until: until, modality: modality ?? .asserted, evidence: evidence,
                                  weight: weight, notes: notes))
    }

    private mutating func evidence() throws(FastPathDoubt) -> Evidence {
        var seen: UInt32 = 0
        var document: DocumentID?, quote: String?
        try object { (d) throws(FastPathDoubt) in
            switch try d.key(EvidenceKey.self, &seen) {
            case .document: document = try d.documentID()
            case .quote: quote = try d.text()
            }
        }
        guard let document, let quote else { throw FastPathDoubt() }
        return Evidence(document: document, quote: quote)
    }
}
