/// A relation as answers cite it: the relation with, for each piece of evidence, the path of its
/// document (relative to the graph's corpus) when the graph lists the document.
///
/// JSON: `{id, source, target, type, label, date, until, modality, weight?, notes?, evidence:
/// [{document, path, quote}]}`; absent label, dates and paths are `null`, absent weight and notes
/// are left out.
public struct CitedRelation: Sendable, Hashable, Codable {
    public var relation: Relation
    /// The path of each evidence's document, aligned with `relation.evidence`.
    public var documentPaths: [String?]

    public init(_ relation: Relation, documents: [DocumentID: Document]) {
        self.relation = relation
        documentPaths = relation.evidence.map { documents[$0.document]?.path }
    }

    private enum Key: String, CodingKey {
        case id, source, target, type, label, date, until, modality, weight, notes, evidence
    }

    private enum EvidenceKey: String, CodingKey { case document, path, quote }

    public func encode(to encoder: Encoder) throws {
        let r = relation
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(r.id, forKey: .id)
        try c.encode(r.source, forKey: .source)
        try c.encode(r.target, forKey: .target)
        try c.encode(r.type, forKey: .type)
        try c.encode(r.label, forKey: .label)
        try c.encode(r.date, forKey: .date)
        try c.encode(r.until, forKey: .until)
        try c.encode(r.modality, forKey: .modality)
        try c.encodeIfPresent(r.weight, forKey: .weight)
        try c.encodeIfPresent(r.notes, forKey: .notes)
        var list = c.nestedUnkeyedContainer(forKey: .evidence)
        for (e, path) in zip(r.evidence, documentPaths) {
            var item = list.nestedContainer(keyedBy: EvidenceKey.self)
            try item.encode(e.document, forKey: .document)
            try item.encode(path, forKey: .path)
            try item.encode(e.quote, forKey: .quote)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var evidence: [Evidence] = []
        var paths: [String?] = []
        var list = try c.nestedUnkeyedContainer(forKey: .evidence)
        while !list.isAtEnd {
            let item = try list.nestedContainer(keyedBy: EvidenceKey.self)
            evidence.append(Evidence(document: try item.decode(DocumentID.self, forKey: .document),
                                     quote: try item.decode(String.self, forKey: .quote)))
            paths.append(try item.decodeIfPresent(String.self, forKey: .path))
        }
        relation = Relation(id: try c.decode(RelationID.self, forKey: .id),
                            source: try c.decode(ActorID.self, forKey: .source),
                            target: try c.decode(ActorID.self, forKey: .target),
                            type: try c.decode(RelationType.self, forKey: .type),
                            label: try c.decodeIfPresent(String.self, forKey: .label),
                            date: try c.decodeIfPresent(PartialDate.self, forKey: .date),
                            until: try c.decodeIfPresent(PartialDate.self, forKey: .until),
                            modality: try c.decode(Modality.self, forKey: .modality),
                            evidence: evidence,
                            weight: try c.decodeIfPresent(Double.self, forKey: .weight),
                            notes: try c.decodeIfPresent(String.self, forKey: .notes))
        documentPaths = paths
    }
}

extension GraphView {
    /// The relations at `indices` (into the graph's relations), cited, oldest first.
    func cited<S: Sequence>(_ indices: S) -> [CitedRelation] where S.Element == Int32 {
        indices.map { graph.relations[Int($0)] }.sorted(by: Relation.chronological)
            .map { CitedRelation($0, documents: documentMap) }
    }
}
