import ActorGraphCore
import Foundation

/// Gephi's and Kumu's spreadsheet dialects: a nodes table and an edges table, one row per
/// relation (quotes joined into one cell, the exact evidence as JSON beside them).
///
/// - Gephi: nodes `Id, Label, Kind, Aliases, Country, MemberOf, Wikidata, Notes`; edges `Source,
///   Target, Type` (`Directed`, or `Undirected` for `meets`), `Id, Label, Kind` (the relation
///   type), `Weight, Time Interval` (`[start, end]`, ISO days), `Modality, Date, Until, Quotes,
///   Evidence, Notes`. Lists are JSON.
/// - Kumu: elements `ID, Label, Type` (the kind), `Aliases` (`|`-separated; `\|` and `\\` escape),
///   `Country, MemberOf, Wikidata, Description` (the notes); connections `From, To, Type`,
///   `Direction` (`directed`, `undirected` for `meets`), `ID, Label, Strength` (the weight),
///   `Date, Until, Modality, Description` (the quotes), `Evidence, Notes`.
public enum SpreadsheetFormats {
    public enum Dialect: String, Sendable, CaseIterable { case gephi, kumu }

    /// The nodes and edges tables.
    public static func tables(for graph: ActorGraph, dialect: Dialect) -> (nodes: String, edges: String) {
        let g = graph.canonicalized()
        let kumu = dialect == .kumu
        func json(_ value: OrderedValue?) -> String { value.map(\.compactJSON) ?? "" }
        func field(_ fields: ModelFields.Fields, _ key: String) -> OrderedValue? { fields.first { $0.0 == key }?.1 }
        let nodeHeader = kumu
            ? ["ID", "Label", "Type", "Aliases", "Country", "MemberOf", "Wikidata", "Description"]
            : ["Id", "Label", "Kind", "Aliases", "Country", "MemberOf", "Wikidata", "Notes"]
        let nodes = g.actors.map { a -> [String] in
            let aliases = kumu ? a.aliases.map { CSVGraph.escapeItem($0, separators: "|") }.joined(separator: "|")
                : (a.aliases.isEmpty ? "" : json(.list(a.aliases.map { .string($0) })))
            return [a.id.rawValue, a.name, a.kind.rawValue, aliases, a.country ?? "",
                    json(field(ModelFields.actor(a), "memberOf")), a.wikidata ?? "", a.notes ?? ""]
        }
        let edgeHeader = kumu
            ? ["From", "To", "Type", "Direction", "ID", "Label", "Strength", "Date", "Until", "Modality",
               "Description", "Evidence", "Notes"]
            : ["Source", "Target", "Type", "Id", "Label", "Kind", "Weight", "Time Interval", "Modality", "Date",
               "Until", "Quotes", "Evidence", "Notes"]
        let edges = g.relations.map { r -> [String] in
            let evidence = json(field(ModelFields.relation(r), "evidence"))
            let weight = r.weight.map(formatNumber) ?? ""
            if kumu {
                return [r.source.rawValue, r.target.rawValue, r.type.rawValue, r.type.isSymmetric ? "undirected" : "directed",
                        r.id.rawValue, r.label ?? "", weight, r.date?.description ?? "", r.until?.description ?? "",
                        r.modality.rawValue, r.evidence.map(\.quote).joined(separator: "\n\n"), evidence, r.notes ?? ""]
            }
            let interval = ModelFields.interval(r).map { "[\($0.start), \($0.end)]" } ?? ""
            return [r.source.rawValue, r.target.rawValue, r.type.isSymmetric ? "Undirected" : "Directed", r.id.rawValue,
                    r.label ?? "", r.type.rawValue, weight, interval, r.modality.rawValue, r.date?.description ?? "",
                    r.until?.description ?? "", r.evidence.map(\.quote).joined(separator: " | "), evidence, r.notes ?? ""]
        }
        return (CSVTable.write(header: nodeHeader, rows: nodes), CSVTable.write(header: edgeHeader, rows: edges))
    }

    /// Header names (lower-cased, spaces as `_`) and the attribute each becomes.
    static let edgeColumns: [String: String] = [
        "source": "source", "from": "source", "src": "source", ":start_id": "source",
        "target": "target", "to": "target", "dst": "target", ":end_id": "target",
        "kind": "type", "relation_type": "type", "relation": "type", ":type": "type",
        "direction": "directed", "strength": "weight", "time_interval": "time_interval",
        "quotes": "quotes", "description": "quotes",
    ]
    static let nodeColumns: [String: String] = [
        "label": "name", "type": "kind", "description": "notes", ":id": "id",
    ]

    /// Reads an edges table in any of these dialects, or ActorGraph's, or a plain `source,target`
    /// table, with an optional nodes table. Headers are matched without regard to case. A `Type`
    /// column whose values are all `Directed`/`Undirected`/`Mixed` is Gephi's direction; otherwise
    /// it is the relation type. Without a type, edges get ``ImportOptions/type`` (default
    /// `supports`, `meets` for undirected rows) with a warning. `Time Interval` gives date and
    /// until when there is no date; joined quotes are left out when an `Evidence` column is there
    /// and kept in notes otherwise (a quote needs a document). Other columns are kept in notes.
    public static func graph(edges: CSVGraph.Input, nodes: CSVGraph.Input? = nil,
                             options: ImportOptions = ImportOptions()) throws -> LoadedGraph {
        for input in [edges, nodes].compactMap({ $0 }) { try InputLimits.table.check(input.bytes, file: input.file) }
        var data = DOTGraphData(directed: true)
        func rows(_ input: CSVGraph.Input, _ columns: [String: String]) throws -> [(line: Int, cells: [String: String])] {
            let table = try CSVTable.parse(input.bytes, file: input.file)
            let keys = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_") }
            // Gephi: with a `Kind` column, `Type` is the direction.
            let typeIsDirection = columns == edgeColumns && keys.contains("kind")
            let names = keys.map { key -> String in
                if key == "type", typeIsDirection { return "directed" }
                return columns[key] ?? (key == "memberof" ? "memberOf" : key)
            }
            return table.rows.map { row in
                var cells: [String: String] = [:]
                for (name, cell) in zip(names, row.cells) where !cell.isEmpty && cells[name] == nil { cells[name] = cell }
                return (row.line, cells)
            }
        }
        if let nodes {
            for row in try rows(nodes, nodeColumns) {
                var cells = row.cells
                // Gephi writes a JSON list, Kumu a `|`-separated one.
                if let aliases = cells["aliases"],
                   (try? JSONSerialization.jsonObject(with: Data(aliases.utf8))) as? [String] == nil {
                    cells["aliases"] = OrderedValue.list(CSVGraph.splitList(aliases, separator: "|").map { .string($0) }).compactJSON
                }
                // Diagnostics name the edges file: a nodes-table row is not given a line there.
                data.nodes.append(.init(name: cells["id"] ?? cells["name"] ?? "", attributes: cells, line: nil))
            }
        }
        let edgeRows = try rows(edges, edgeColumns)
        let directions: Set<String> = ["directed", "undirected", "mixed"]
        let typeIsDirection = edgeRows.allSatisfy { $0.cells["type"].map { directions.contains($0.lowercased()) } ?? true }
        for row in edgeRows {
            var cells = row.cells
            if typeIsDirection, let direction = cells.removeValue(forKey: "type") { cells["directed"] = direction }
            if let direction = cells["directed"]?.lowercased() {
                cells["directed"] = direction == "undirected" || direction == "mutual" ? "false" : "true"
            }
            if let interval = cells.removeValue(forKey: "time_interval") {
                let bounds = interval.trimmingCharacters(in: CharacterSet(charactersIn: "<>[]() "))
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if cells["date"] == nil, let start = bounds.first {
                    cells["date"] = start
                    if cells["until"] == nil, bounds.count > 1, bounds[1] != start { cells["until"] = bounds[1] }
                }
            }
            if cells["evidence"] != nil { cells["quotes"] = nil }
            let tail = cells.removeValue(forKey: "source") ?? "", head = cells.removeValue(forKey: "target") ?? ""
            data.edges.append(.init(tail: tail, head: head, attributes: cells, line: row.line))
        }
        return try InterchangeReading.finish(data, file: edges.file, options: options)
    }
}
