import ActorGraphCore

/// Decodes CSV tables into the model, remembering which cell each field came from; every check
/// beyond decoding is Core's validator's (through ``SourceMap``).
struct CSVDecoder {
    typealias Element = GraphViolation.Element
    var map: SourceMap
    var graph = ActorGraph()
    /// Row of each element, turned into a cell's place only for a violation: recording every
    /// cell of a 300,000-row table up front costs more than reading it.
    var rows = RowLocator()

    init(edges: CSVGraph.Input, nodes: CSVGraph.Input?, documents: CSVGraph.Input?) {
        map = SourceMap(file: edges.file, files: [documents?.file, nodes?.file].compactMap { $0 })
    }

    mutating func decodeDocuments(_ input: CSVGraph.Input) throws {
        let reader = try TableReader(input, required: ["id", "path"], allowed: CSVGraph.documentColumns, map: &map)
        rows.documents = reader
        for (r, row) in reader.rows.enumerated() {
            let element = Element.document(graph.documents.count)
            rows.documentRows.append(Int32(r))
            graph.documents.append(Document(
                id: DocumentID(reader.text(row, "id")), path: reader.text(row, "path"),
                title: reader.optional(row, "title"), outlet: reader.optional(row, "outlet"),
                published: reader.date(row, "published", element, map: &map),
                url: reader.optional(row, "url"), notes: reader.optional(row, "notes")))
        }
    }

    mutating func decodeNodes(_ input: CSVGraph.Input) throws {
        let reader = try TableReader(input, required: ["id", "name", "kind"], allowed: CSVGraph.nodeColumns, map: &map)
        rows.nodes = reader
        for (r, row) in reader.rows.enumerated() {
            let index = graph.actors.count
            rows.actorRows.append(Int32(r))
            let kind = reader.choice(row, "kind", of: ActorKind.self, .actor(index), map: &map)
            var memberships: [Membership] = []
            for item in CSVGraph.splitList(reader.text(row, "memberOf"), keepInnerEscapes: true) {
                let element = Element.membership(actor: index, index: memberships.count)
                let parts = CSVGraph.splitList(item, separator: ":")
                var dates: [PartialDate?] = [nil, nil]
                for (k, text) in parts.dropFirst(2).prefix(2).enumerated() where !text.isEmpty {
                    dates[k] = PartialDate(text)
                    if dates[k] == nil {
                        reader.report(row, .invalidDate(text, at: .init(element, k == 0 ? "date" : "until")),
                                      column: "memberOf", map: &map)
                    }
                }
                let role = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
                memberships.append(Membership(actor: ActorID(parts[0]), role: role, date: dates[0], until: dates[1]))
            }
            graph.actors.append(ActorNode(
                id: ActorID(reader.text(row, "id")), name: reader.text(row, "name"), kind: kind ?? .group,
                aliases: CSVGraph.splitList(reader.text(row, "aliases")),
                country: reader.optional(row, "country"), memberOf: memberships,
                wikidata: reader.optional(row, "wikidata"), notes: reader.optional(row, "notes")))
        }
    }

    /// Decodes the edges table. Without a nodes table, actors are made from the endpoints; without
    /// a documents table, documents from the `document` column.
    mutating func decodeEdges(_ input: CSVGraph.Input, hasNodes: Bool, hasDocuments: Bool) throws {
        let reader = try TableReader(input, required: ["source", "target", "type"], allowed: CSVGraph.edgeColumns,
                                     map: &map)
        rows.edges = reader
        // Each id's position among the actors (first definition), and each relation's endpoints:
        // the ids are hashed once here and the graph keeps the positions (indexEndpoints).
        var position: [ActorID: Int32] = [:]
        position.reserveCapacity(hasNodes ? graph.actors.count : reader.rows.count / 2)
        for (k, actor) in graph.actors.enumerated() where position[actor.id] == nil { position[actor.id] = Int32(k) }
        var sources: [Int32] = [], targets: [Int32] = []
        sources.reserveCapacity(reader.rows.count)
        targets.reserveCapacity(reader.rows.count)
        var documentIDs = Set(graph.documents.map(\.id))
        var relationIndex: [RelationID: Int] = [:]
        var derivedIDs = RelationIDAllocator()
        // Without an id column no explicit id can collide with a derived one: ids stay unspelled.
        let hasIDs = reader.index["id"] != nil
        if !hasIDs { derivedIDs.reserveCapacity(reader.rows.count) }
        // Untouched capacity costs no memory: room for every endpoint to be new.
        if !hasNodes { graph.actors.reserveCapacity(graph.actors.count + 2 * reader.rows.count) }
        graph.relations.reserveCapacity(reader.rows.count)
        rows.relationRows.reserveCapacity(reader.rows.count)

        // Each column's cell index looked up once, not per row.
        let cSource = reader.column("source"), cTarget = reader.column("target"), cType = reader.column("type")
        let cModality = reader.column("modality"), cLabel = reader.column("label"), cDate = reader.column("date")
        let cUntil = reader.column("until"), cWeight = reader.column("weight"), cNotes = reader.column("notes")
        let cDocument = reader.column("document"), cQuote = reader.column("quote"), cID = reader.column("id")
        let table = reader.rows
        var row = CSVTable.Row(line: 0, cells: [], columns: [])
        for r in table.indices {
            table.read(r, into: &row)
            let index = graph.relations.count
            let element = Element.relation(index)
            let source = ActorID(reader.text(row, cSource)), target = ActorID(reader.text(row, cTarget))
            let type = reader.choice(row, cType, of: RelationType.self, element, map: &map)
            let modality = reader.choice(row, cModality, of: Modality.self, element, required: false, map: &map)
            var relation = Relation(
                source: source, target: target, type: type ?? .supports,
                label: reader.optional(row, cLabel), date: reader.date(row, cDate, element, map: &map),
                until: reader.date(row, cUntil, element, map: &map), modality: modality ?? .asserted,
                weight: reader.weight(row, cWeight, element, map: &map), notes: reader.optional(row, cNotes))
            let document = reader.optional(row, cDocument), quote = reader.optional(row, cQuote)
            if (document == nil) != (quote == nil) {
                reader.error(row, document == nil ? "document" : "quote",
                             document == nil ? "a quote needs a document" : "a document needs a quote",
                             about: element, map: &map)
            }
            func place(_ id: ActorID) -> Int32 {
                if let p = position[id] { return p }
                guard !hasNodes, !id.rawValue.isEmpty else { return -1 }
                let p = Int32(graph.actors.count)
                position[id] = p
                graph.actors.append(ActorNode(id: id, name: id.rawValue, kind: .group))
                return p
            }
            let sp = place(source), tp = place(target)
            if hasIDs { relation.id = RelationID(reader.text(row, cID)) }
            let evidence = document.flatMap { d in quote.map { Evidence(document: DocumentID(d), quote: $0) } }
            if let evidence, !hasDocuments, documentIDs.insert(evidence.document).inserted {
                graph.documents.append(Document(id: evidence.document, path: evidence.document.rawValue))
            }
            if !hasIDs {
                derivedIDs.derive(&relation, sourcePosition: sp, targetPosition: tp)
                rows.relationRows.append(Int32(r))
                graph.relations.append(consume relation)
                sources.append(sp)
                targets.append(tp)
                if let evidence { append(evidence, to: index, row: r) }
                continue
            } else if reader.optional(row, cID) == nil {
                derivedIDs.derive(&relation) { relationIndex[$0] != nil }
            } else if let existing = relationIndex[relation.id] {
                // Rows sharing an id are one relation with several pieces of evidence.
                var merged = graph.relations[existing]
                merged.evidence = []
                guard merged == relation else {
                    reader.error(row, "id", "rows with relation id '\(relation.id)' disagree on fields other than "
                                 + "document and quote", about: nil, map: &map)
                    continue
                }
                if let evidence { append(evidence, to: existing, row: r) }
                continue
            }
            rows.relationRows.append(Int32(r))
            relationIndex[relation.id] = index
            graph.relations.append(relation)
            sources.append(sp)
            targets.append(tp)
            if let evidence { append(evidence, to: index, row: r) }
        }
        graph.indexEndpoints(position: position, sources: sources, targets: targets, derivedIDsAreUnique: !hasIDs)
    }

    mutating func append(_ evidence: Evidence, to relation: Int, row: Int) {
        let k = graph.relations[relation].evidence.count
        if row != Int(rows.relationRows[relation]) { rows.evidenceRows[RowLocator.EvidenceKey(relation: relation, index: k)] = Int32(row) }
        graph.relations[relation].evidence.append(evidence)
    }
}

/// The table row each document, actor, relation and evidence item came from; a field's place is
/// the cell of its column (a membership's is the `memberOf` cell), an element's the row's start.
struct RowLocator {
    struct EvidenceKey: Hashable { var relation, index: Int }
    var documents, nodes, edges: TableReader?
    var documentRows: [Int32] = [], actorRows: [Int32] = [], relationRows: [Int32] = []
    /// Evidence items read from a later row than their relation (rows sharing an id).
    var evidenceRows: [EvidenceKey: Int32] = [:]

    func locate(_ subject: GraphViolation.Subject) -> SourceMap.Location? {
        // An element with no row of its own (an actor named only in the edges table, with no
        // nodes table) has no cell to point at: the violation is then located at the file.
        func row(_ rows: [Int32], _ i: Int) -> Int32? { rows.indices.contains(i) ? rows[i] : nil }
        let found: (TableReader?, Int32?, String?)
        switch subject.element {
        case .graph: return nil
        case .document(let i): found = (documents, row(documentRows, i), subject.field)
        case .actor(let i): found = (nodes, row(actorRows, i), subject.field)
        case .membership(let a, _): found = (nodes, row(actorRows, a), "memberOf")
        case .relation(let i): found = (edges, row(relationRows, i), subject.field)
        case .evidence(let r, let k):
            found = (edges, evidenceRows[EvidenceKey(relation: r, index: k)] ?? row(relationRows, r), subject.field)
        }
        guard let reader = found.0, let index = found.1, reader.table.rows.indices.contains(Int(index)) else { return nil }
        let row = reader.table.rows[Int(index)]
        let place = found.2.map { reader.place(row, $0) } ?? SourcePlace(line: row.line, column: 1)
        return SourceMap.Location(file: reader.file, place: place)
    }
}
