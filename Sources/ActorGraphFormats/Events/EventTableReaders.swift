import ActorGraphCore
import Foundation

/// ACLED exports (CSV with a header) and PLOVER JSONL, joined into relations like GDELT.
public enum EventTableReaders {
    /// ACLED: `actor1` is the source and `actor2` the target (ACLED says the order implies no
    /// direction; docs/FORMAT.md), keyed and named by the actor's name; kind from `inter1`/`inter2`
    /// (1 state forces → government, 2–4 rebel, political and identity militias → militia,
    /// 8 external forces → international, else group). Type from `event_type`/`sub_event_type`;
    /// date from `event_date` (`YYYY-MM-DD` or `DD Month YYYY`); citations `event_id_cnty` and `source`.
    public static func acled(_ input: CSVGraph.Input, mapping: EventMapping, period: EventPeriod) throws -> EventImport {
        try InputLimits.table.check(input.bytes, file: input.file)
        let table = try CSVTable.parse(input.bytes, file: input.file)
        var index: [String: Int] = [:]
        for (k, name) in table.header.enumerated() { index[name.trimmingCharacters(in: .whitespaces).lowercased()] = k }
        for required in ["actor1", "actor2", "event_type", "event_date"] where index[required] == nil {
            throw DiagnosticsError([Diagnostic(file: input.file, line: 1, message: "missing ACLED column '\(required)'")])
        }
        var aggregator = EventAggregator(sourceName: "ACLED", period: period, weightByGoldstein: false)
        func kind(_ inter: String?) -> ActorKind {
            switch inter.flatMap({ Int($0) }) {
            case 1: return .government
            case 2, 3, 4: return .militia
            case 8: return .international
            default: return .group
            }
        }
        for row in table.rows {
            aggregator.rows += 1
            func cell(_ name: String) -> String? {
                index[name].map { row.cells[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            guard let a1 = cell("actor1") else { aggregator.skip("no first actor"); continue }
            guard let a2 = cell("actor2") else { aggregator.skip("no second actor"); continue }
            guard let date = cell("event_date").flatMap(acledDate) else { aggregator.skip("bad date"); continue }
            let eventType = cell("event_type") ?? ""
            guard let mapped = mapping.lookup(.acled, eventType, detail: cell("sub_event_type")), let type = mapped else {
                let code = [eventType, cell("sub_event_type")].compactMap { $0 }.joined(separator: "/")
                aggregator.unmappedCode(code, explicit: mapping.lookup(.acled, eventType, detail: cell("sub_event_type")) != nil)
                continue
            }
            let s = aggregator.actor(a1, name: a1, kind: kind(cell("inter1")))
            let t = aggregator.actor(a2, name: a2, kind: kind(cell("inter2")))
            let (i, cites) = aggregator.add(source: s, target: t, type: type,
                                            period: period.key(year: date.year, month: date.month ?? 1, day: date.day ?? 1),
                                            goldstein: nil)
            if cites {
                aggregator.cite(i, event: cell("event_id_cnty") ?? "line \(row.line)", url: cell("source"),
                                code: [eventType, cell("sub_event_type")].compactMap { $0 }.joined(separator: "/"))
            }
        }
        return aggregator.result()
    }

    static func acledDate(_ text: String) -> PartialDate? {
        if let date = PartialDate(text), date.day != nil { return date }
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"]
        let parts = text.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]),
              let month = months.firstIndex(of: parts[1].lowercased()) else { return nil }
        return PartialDate(year: year, month: month + 1, day: day)
    }

    /// PLOVER JSONL: one record per line with `actor` (or the 2016 `source`), `recipient` (or
    /// `target`), `event` and `mode` (lists or strings), `date`, `id`, `cite_info.url`. An entity is
    /// keyed by its `code` (plus `sector` when given, CAMEO-style: `IRQ` + `GOV`), else by its text,
    /// and named by `entity_text` (or `actor_text`). Each actor × recipient pair is an event; a
    /// record without a recipient but with several actors (PLOVER's meetings) pairs the actors,
    /// in order, when its type is symmetric.
    public static func plover(_ input: CSVGraph.Input, mapping: EventMapping, period: EventPeriod) throws -> EventImport {
        try InputLimits.jsonLines.check(input.bytes, file: input.file)
        var aggregator = EventAggregator(sourceName: "PLOVER", period: period, weightByGoldstein: false)
        var lineNumber = 0
        for raw in input.bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard raw.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
            aggregator.rows += 1
            guard let record = (try? JSONSerialization.jsonObject(with: Data(raw))) as? [String: Any] else {
                aggregator.skip("not a JSON object"); continue
            }
            func list(_ keys: String...) -> [Any] {
                for key in keys { if let value = record[key] { return value as? [Any] ?? [value] } }
                return []
            }
            func entity(_ value: Any) -> (code: String, name: String?, kind: ActorKind)? {
                guard let e = value as? [String: Any] else { return (value as? String).map { ($0, $0, .group) } }
                let text = (e["entity_text"] ?? e["actor_text"] ?? e["actorText"] ?? e["text"]) as? String
                let sector = e["sector"] as? String
                let code = (e["code"] as? String).map { $0 + (sector ?? "") } ?? text
                return code.map { ($0, text, sector.map { cameoKind("XXX" + $0) } ?? .group) }
            }
            let actors = list("actor", "source").compactMap(entity)
            let recipients = list("recipient", "target").compactMap(entity)
            let events = list("event").compactMap { $0 as? String }
            guard let date = (record["date"] as? String).flatMap({ PartialDate(String($0.prefix(10))) }) else {
                aggregator.skip("bad date"); continue
            }
            guard let event = events.first else { aggregator.skip("no event category"); continue }
            let mode = list("mode").compactMap { $0 as? String }.first
            guard let mapped = mapping.lookup(.plover, event, detail: mode), let type = mapped else {
                aggregator.unmappedCode(event + (mode.map { "/" + $0 } ?? ""), explicit: mapping.lookup(.plover, event, detail: mode) != nil)
                continue
            }
            var pairs: [(Int, Int)] = []
            if !recipients.isEmpty {
                for a in actors.indices { for r in recipients.indices { pairs.append((a, actors.count + r)) } }
            } else if type.isSymmetric, actors.count > 1 {
                for a in actors.indices { for b in actors.indices where a < b { pairs.append((a, b)) } }
            }
            guard !actors.isEmpty else { aggregator.skip("no first actor"); continue }
            guard !pairs.isEmpty else { aggregator.skip("no second actor"); continue }
            let everyone = actors + recipients
            let key = period.key(year: date.year, month: date.month ?? 1, day: date.day ?? 1)
            let url = (record["cite_info"] as? [String: Any])?["url"] as? String
            for (a, b) in pairs {
                let s = aggregator.actor(everyone[a].code, name: everyone[a].name, kind: everyone[a].kind)
                let t = aggregator.actor(everyone[b].code, name: everyone[b].name, kind: everyone[b].kind)
                let (i, cites) = aggregator.add(source: s, target: t, type: type, period: key, goldstein: nil)
                if cites {
                    aggregator.cite(i, event: (record["id"] as? String) ?? "line \(lineNumber)", url: url,
                                    code: event + (mode.map { "/" + $0 } ?? ""))
                }
            }
            // A record with several pairs is one row, counted once.
            aggregator.usedRows -= pairs.count - 1
        }
        return aggregator.result()
    }
}
