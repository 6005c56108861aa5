import ActorGraphCore

/// Decodes CSV tables into the model, remembering which cell each field came from; every check
/// beyond decoding is Core's validator's (through ``SourceMap``).
struct CSVDecoder {
    typealias Element = GraphViolation.Element
    var map: SourceMap
    var graph = ActorGraph()

    init(edges: CSVGraph.Input, nodes: CSVGraph.Input?, documents: CSVGraph.Input?) {
        map = SourceMap(file: edges.file, files: [documents?.file, nodes?.file].compactMap { $0 })
    }

    mutating func decodeDocuments(_ input: CSVGraph.Input) throws {
        let reader = try TableReader(input, required: ["id", "path"], allowed: CSVGraph.documentColumns, map: &map)
        for row in reader.rows {
            let element = Element.document(graph.documents.count)
            reader.record(row, element, fields: CSVGraph.documentColumns, map: &map)
            graph.documents.append(Document(
                id: DocumentID(reader.text(row, "id")), path: reader.text(row, "path"),
                title: reader.optional(row, "title"), outlet: reader.optional(row, "outlet"),
                published: reader.date(row, "published", element, map: &map),
                url: reader.optional(row, "url"), notes: reader.optional(row, "notes")))
        }
    }

    mutating func decodeNodes(_ input: CSVGraph.Input) throws {
        let reader = try TableReader(input, required: ["id", "name", "kind"], allowed: CSVGraph.nodeColumns, map: &map)
        for row in reader.rows {
            let index = graph.actors.count
            reader.record(row, .actor(index), fields: CSVGraph.nodeColumns, map: &map)
            let kind = reader.choice(row, "kind", of: ActorKind.self, .actor(index), map: &map)
            var memberships: [Membership] = []
            for item in CSVGraph.splitList(reader.text(row, "memberOf"), keepInnerEscapes: true) {
                let element = Element.membership(actor: index, index: memberships.count)
                // A membership's fields all sit in the memberOf cell.
                let cell = reader.place(row, "memberOf")
                for field in [nil, "actor", "role", "date", "until"] { map.record(element, field, at: cell, file: input.file) }
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
        let relationFields = CSVGraph.edgeColumns.filter { $0 != "document" && $0 != "quote" }
        var actorIDs = Set(graph.actors.map(\.id))
        var documentIDs = Set(graph.documents.map(\.id))
        var relationIndex: [RelationID: Int] = [:]
        var derivedIDs = RelationIDAllocator()
        graph.relations.reserveCapacity(reader.rows.count)
        for row in reader.rows {
            let index = graph.relations.count
            let element = Element.relation(index)
            let source = ActorID(reader.text(row, "source")), target = ActorID(reader.text(row, "target"))
            let type = reader.choice(row, "type", of: RelationType.self, element, map: &map)
            let modality = reader.choice(row, "modality", of: Modality.self, element, required: false, map: &map)
            var relation = Relation(
                id: RelationID(reader.text(row, "id")), source: source, target: target, type: type ?? .supports,
                label: reader.optional(row, "label"), date: reader.date(row, "date", element, map: &map),
                until: reader.date(row, "until", element, map: &map), modality: modality ?? .asserted,
                weight: reader.weight(row, element, map: &map), notes: reader.optional(row, "notes"))
            let document = reader.optional(row, "document"), quote = reader.optional(row, "quote")
            if (document == nil) != (quote == nil) {
                reader.error(row, document == nil ? "document" : "quote",
                             document == nil ? "a quote needs a document" : "a document needs a quote",
                             about: element, map: &map)
            }
            if !hasNodes {
                for endpoint in [source, target] where !endpoint.rawValue.isEmpty && actorIDs.insert(endpoint).inserted {
                    graph.actors.append(ActorNode(id: endpoint, name: endpoint.rawValue, kind: .group))
                }
            }
            let evidence = document.flatMap { d in quote.map { Evidence(document: DocumentID(d), quote: $0) } }
            if let evidence, !hasDocuments, documentIDs.insert(evidence.document).inserted {
                graph.documents.append(Document(id: evidence.document, path: evidence.document.rawValue))
            }
            if reader.optional(row, "id") == nil {
                relation.id = derivedIDs.next(source: source, type: relation.type, target: target) {
                    relationIndex[$0] != nil
                }
            } else if let existing = relationIndex[relation.id] {
                // Rows sharing an id are one relation with several pieces of evidence.
                var merged = graph.relations[existing]
                merged.evidence = []
                guard merged == relation else {
                    reader.error(row, "id", "rows with relation id '\(relation.id)' disagree on fields other than "
                                 + "document and quote", about: nil, map: &map)
                    continue
                }
                if let evidence { append(evidence, to: existing, row: row, reader: reader) }
                continue
            }
            reader.record(row, element, fields: relationFields, map: &map)
            relationIndex[relation.id] = index
            graph.relations.append(relation)
            if let evidence { append(evidence, to: index, row: row, reader: reader) }
        }
    }

    mutating func append(_ evidence: Evidence, to relation: Int, row: CSVTable.Row, reader: TableReader) {
        let element = Element.evidence(relation: relation, index: graph.relations[relation].evidence.count)
        reader.record(row, element, fields: ["document", "quote"], map: &map)
        graph.relations[relation].evidence.append(evidence)
    }
}
