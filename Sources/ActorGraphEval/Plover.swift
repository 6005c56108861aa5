import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import Foundation

// MARK: (b) PLOVER gold-standard records

/// PLOVER category → our type (docs/EXTRACTION.md). CONSULT with mode `host` is hosts.
func ploverType(_ event: String, mode: String) -> RelationType? {
    switch event {
    case "SUPPORT", "AID", "COOPERATE", "AGREE": return .supports
    case "CONSULT": return mode == "host" ? .hosts : .meets
    case "DISAPPROVE", "ACCUSE", "REJECT", "THREATEN", "DEMAND", "REQUEST", "SANCTION", "COERCE", "ASSAULT",
         "FIGHT", "PROTEST", "MOBILIZE":
        return .opposes
    default: return nil
    }
}

/// Scores the PLOVER records at `--plover` (skipped, saying so, when the file is absent): each
/// record a document, its source and target actor texts the dictionary.
@MainActor func scorePlover() {
    if let data = FileManager.default.contents(atPath: ploverPath),
       let records = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] {
        var candidates: [Candidate] = []
        var gold: [GoldRelation] = []
        var known = Set<ActorID>()
        var verified = 0, quotes = 0, used = 0
        for record in records {
            guard let text = record["text"] as? String, let id = record["id"] as? String,
                  let event = record["event"] as? String else { continue }
            if let onlyRecord, !id.contains(onlyRecord) { continue }
            func actors(_ key: String) -> [(ActorNode)] {
                guard let list = record[key] as? [[String: Any]] else { return [] }
                return list.compactMap { item in
                    guard let name = item["actorText"] as? String, !name.isEmpty else { return nil }
                    let code = item["code"] as? String ?? ""
                    let sector = item["sector"] as? String ?? ""
                    let country = gazetteer.state(code: String(code.prefix(3)))?.code
                    let kind: ActorKind = code == "IGO" ? .international
                        : (sector == "REB" ? .militia : (["GOV", "MIL", "COP", "JUD", "LEG", "SPY", ""].contains(sector) && country != nil ? .government : .group))
                    let slug = name.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : "-" }.joined()
                    return ActorNode(id: ActorID(slug), name: name, kind: kind, country: country)
                }
            }
            var sources = actors("source"), targets = actors("target")
            var seen = Set<ActorID>()
            sources = sources.filter { seen.insert($0.id).inserted }
            targets = targets.filter { seen.insert($0.id).inserted }
            used += 1
            let dictionary = ActorGraph(actors: sources + targets)
            let document = DocumentID(id)
            for a in dictionary.actors { known.insert(ActorID(id + "/" + a.id.rawValue)) }
            let mode = record["mode"] as? String ?? ""
            if let type = ploverType(event, mode: mode) {
                var pairs: [(ActorID, ActorID)] = []
                for s in sources { for t in targets { pairs.append((s.id, t.id)) } }
                if targets.isEmpty && sources.count >= 2 {
                    // "X and Y met/agreed": every pair, both ways for directed types.
                    for a in sources { for b in sources where a.id != b.id { pairs.append((a.id, b.id)) } }
                }
                for (s, t) in pairs where s != t {
                    gold.append(GoldRelation(document: document, source: ActorID(id + "/" + s.rawValue),
                                             target: ActorID(id + "/" + t.rawValue), type: type, modality: .asserted))
                }
            }
            let extractor = Extractor(graph: dictionary, lexicon: lexicon, gazetteer: gazetteer)
            let result = extractor.extract(text: text, document: document, date: PartialDate(year: 2000))
            if onlyRecord != nil {
                print("\(id) \(event): \(text)")
                for c in result.candidates { print("   \(c.source) \(c.type) \(c.target) [\(c.rule)] \(c.modality)") }
            }
            for var c in result.candidates {
                quotes += 1
                if TextFolding.quoteKey(text).contains(TextFolding.quoteKey(c.quote)) { verified += 1 }
                c.source = ActorID(id + "/" + c.source.rawValue)
                c.target = ActorID(id + "/" + c.target.rawValue)
                candidates.append(c)
            }
        }
        let report = EvaluationReport.score(candidates: candidates, gold: gold, known: known)
        printReport("PLOVER gold-standard records (\(used) records, \(Set(gold).count) gold relations, \(candidates.count) candidates; modality not coded in PLOVER: all gold asserted)",
                    report, quotes: (verified, quotes))
    } else {
        print("== PLOVER gold-standard records: skipped (\(ploverPath) is absent or unreadable)\n")
    }
}
