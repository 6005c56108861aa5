import ActorGraphCore

/// How finely repeated events join: one relation per pair, type and day, month or year.
public enum EventPeriod: String, Sendable, CaseIterable {
    case day, month, year

    /// The period of a date, as a sortable integer (20240105, 202401 or 2024).
    func key(year: Int, month: Int, day: Int) -> Int32 {
        switch self {
        case .day: return Int32(year * 10_000 + month * 100 + day)
        case .month: return Int32(year * 100 + month)
        case .year: return Int32(year)
        }
    }

    func date(_ key: Int32) -> PartialDate? {
        let k = Int(key)
        switch self {
        case .day: return PartialDate(year: k / 10_000, month: k / 100 % 100, day: k % 100)
        case .month: return PartialDate(year: k / 100, month: k % 100)
        case .year: return PartialDate(year: k)
        }
    }
}

/// What an event import made of its rows: the graph and an account of every row.
public struct EventImport: Sendable {
    public var graph: ActorGraph
    /// Rows read (data rows; a header is not counted).
    public var rows: Int
    /// Rows that became (part of) a relation.
    public var usedRows: Int
    /// Skipped rows per reason, e.g. "no second actor": 12.
    public var skipped: [String: Int]
    /// Unmapped codes and how many rows had each, most frequent first (at most 10).
    public var unmappedCodes: [(String, Int)]

    /// `file: 1200 rows → 85 relations (from 900 rows); skipped 300: 200 no second actor, …`.
    public func summary(file: String) -> String {
        var text = "\(file): \(rows) rows → \(graph.relations.count) relations (from \(usedRows) rows)"
        let total = skipped.values.reduce(0, +)
        if total > 0 {
            text += "; skipped \(total): " + skipped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        }
        if !unmappedCodes.isEmpty {
            text += "\n  most frequent codes without a relation type: " + unmappedCodes.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
        }
        return text
    }
}

/// Joins events into relations: one per (source, target, type, period), with the number of
/// events and the summed Goldstein score in the notes' attributes line (``NoteAttributes``:
/// `count`, `goldstein`, and the first ``citationLimit`` event ids, source URLs and codes), the
/// weight (the count, or the Goldstein sum), the period as the date, modality `reported`.
struct EventAggregator {
    static let citationLimit = 10

    struct Key: Hashable {
        var source: Int32, target: Int32, type: UInt8, period: Int32
    }

    struct Accumulator {
        var count = 0
        var goldstein = 0.0
        var hasGoldstein = false
        var events: [String] = []
        var urls: [String] = []
        var codes: [String] = []
    }

    let sourceName: String
    let period: EventPeriod
    let weightByGoldstein: Bool
    var actorIDs: [String] = []
    var actorNames: [String?] = []
    var actorKinds: [ActorKind] = []
    private var actorIndex: [String: Int32] = [:]
    private var keys: [Key: Int] = [:]
    private var order: [Key] = []
    private var accumulators: [Accumulator] = []
    var rows = 0
    var usedRows = 0
    var skipped: [String: Int] = [:]
    var unmapped: [String: Int] = [:]

    init(sourceName: String, period: EventPeriod, weightByGoldstein: Bool) {
        self.sourceName = sourceName
        self.period = period
        self.weightByGoldstein = weightByGoldstein
    }

    /// The index of the actor keyed `code`, created with `name` and `kind` on first sight.
    mutating func actor(_ code: String, name: @autoclosure () -> String?, kind: @autoclosure () -> ActorKind) -> Int32 {
        if let index = actorIndex[code] { return index }
        let index = Int32(actorIDs.count)
        actorIndex[code] = index
        actorIDs.append(code)
        let given = name()
        actorNames.append(given?.isEmpty == false ? given : nil)
        actorKinds.append(kind())
        return index
    }

    /// Registers an actor interned elsewhere (GDELT's byte table), in the same index order.
    mutating func appendActor(id: String, name: String?, kind: ActorKind) {
        actorIDs.append(id)
        actorNames.append(name?.isEmpty == false ? name : nil)
        actorKinds.append(kind)
    }

    mutating func skip(_ reason: String) { skipped[reason, default: 0] += 1 }

    mutating func unmappedCode(_ code: String, explicit: Bool) {
        skip(explicit ? "mapped to no relation" : "code not in the mapping")
        unmapped[code, default: 0] += 1
    }

    /// Adds one event; returns the relation's index and whether it still takes citations.
    mutating func add(source: Int32, target: Int32, type: RelationType, period key: Int32,
                      goldstein: Double?) -> (Int, Bool) {
        usedRows += 1
        let k = Key(source: source, target: target, type: UInt8(RelationType.allCases.firstIndex(of: type)!), period: key)
        let index: Int
        if let found = keys[k] { index = found } else {
            index = accumulators.count
            keys[k] = index
            order.append(k)
            accumulators.append(Accumulator())
        }
        accumulators[index].count += 1
        if let goldstein {
            accumulators[index].goldstein += goldstein
            accumulators[index].hasGoldstein = true
        }
        return (index, accumulators[index].events.count < EventAggregator.citationLimit)
    }

    mutating func cite(_ index: Int, event: String, url: String?, code: String?) {
        accumulators[index].events.append(event)
        if let url, !url.isEmpty, !accumulators[index].urls.contains(url) { accumulators[index].urls.append(url) }
        if let code, !code.isEmpty, !accumulators[index].codes.contains(code) { accumulators[index].codes.append(code) }
    }

    func result() -> EventImport {
        var graph = ActorGraph(description: "Imported from \(sourceName) event data by actorgraph import")
        graph.actors = actorIDs.indices.map { k in
            ActorNode(id: ActorID(actorIDs[k]), name: actorNames[k] ?? actorIDs[k], kind: actorKinds[k])
        }
        var ids = Set<RelationID>()
        graph.relations.reserveCapacity(order.count)
        for (key, a) in zip(order, accumulators) {
            let type = RelationType.allCases[Int(key.type)]
            let date = period.date(key.period)
            let source = actorIDs[Int(key.source)], target = actorIDs[Int(key.target)]
            var id = RelationID("\(source)-\(type.rawValue)-\(target)-\(date?.description ?? "undated")")
            var n = 2
            while !ids.insert(id).inserted { id = RelationID("\(source)-\(type.rawValue)-\(target)-\(date?.description ?? "")-\(n)"); n += 1 }
            var fields: [String: OrderedValue] = ["count": .int(a.count), "source": .string(sourceName),
                                                  "events": .list(a.events.map { .string($0) })]
            if a.hasGoldstein { fields["goldstein"] = .double((a.goldstein * 1000).rounded() / 1000) }
            if !a.urls.isEmpty { fields["urls"] = .list(a.urls.map { .string($0) }) }
            if !a.codes.isEmpty { fields["codes"] = .list(a.codes.map { .string($0) }) }
            let more = a.count > a.events.count ? " (first \(a.events.count) cited)" : ""
            let text = "\(a.count) \(sourceName) event\(a.count == 1 ? "" : "s")\(more)"
            graph.relations.append(Relation(
                id: id, source: ActorID(source), target: ActorID(target), type: type,
                label: "\(type.rawValue) ×\(a.count)", date: date, modality: .reported,
                weight: weightByGoldstein ? (a.hasGoldstein ? (a.goldstein * 1000).rounded() / 1000 : nil) : Double(a.count),
                notes: NoteAttributes.merge(fields, into: text)))
        }
        let codes = unmapped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10).map { ($0.key, $0.value) }
        return EventImport(graph: graph, rows: rows, usedRows: usedRows, skipped: skipped, unmappedCodes: Array(codes))
    }
}

/// CAMEO actor codes to kinds: a role block GOV, LEG, JUD, ELI, MIL, COP or SPY (or a bare
/// three-letter country) is a government, REB a militia, IGO an international body, NGO, MED,
/// BUS, PTY or OPP an organization; anything else a group.
func cameoKind(_ code: String) -> ActorKind {
    if code.count == 3 { return .government }
    let blocks = stride(from: 0, to: code.count, by: 3).map { offset -> Substring in
        let start = code.index(code.startIndex, offsetBy: offset)
        return code[start..<(code.index(start, offsetBy: 3, limitedBy: code.endIndex) ?? code.endIndex)]
    }
    for block in blocks {
        switch block {
        case "REB": return .militia
        case "IGO": return .international
        case "GOV", "LEG", "JUD", "ELI", "MIL", "COP", "SPY": return .government
        case "NGO", "MED", "BUS", "PTY", "OPP": return .organization
        default: continue
        }
    }
    return .group
}
