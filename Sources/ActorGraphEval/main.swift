// actorgraph-eval: scores extraction against gold (run through scripts/eval-extract).
//
//   actorgraph-eval [--graph G.yaml] [--plover FILE] [--set GOLD.yaml[:ACTORS.yaml]]…
//                   [--seed-only] [--verbose] [--no-speed] [--ceiling] [--dump FILE]
//
// (a) Graph sets: a gold graph file whose documents are the articles and whose relations are the
//     gold, its actors (or ACTORS.yaml's) the dictionary; each article dated by its document's
//     `published`. The seed articles (--graph), then the held-out sets in
//     Tests/ActorGraphExtractionTests/Fixtures/heldout (fictional actors), heldout2 (unseen
//     regions), heldout3 to heldout16 (written blind), each its own section (unless --set names others).
// (b) The PLOVER gold-standard records (read where they are; never copied), each record a
//     document, its source and target actor texts the dictionary; categories mapped onto our
//     four types as docs/EXTRACTION.md says.
// (c) Speed: extraction of a 1,000-word article, median of repeated runs.
import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func flag(_ name: String) -> Bool {
    if let i = arguments.firstIndex(of: name) { arguments.remove(at: i); return true }
    return false
}
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    let value = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
    return value
}
let verbose = flag("--verbose")
let seedOnly = flag("--seed-only")
let noSpeed = flag("--no-speed")
/// `--ceiling`: per set, how many gold relations have both actors recognised in one sentence of
/// their quote (all a sentence-level extractor can reach), and how the misses split.
let ceiling = flag("--ceiling")
/// `--dump FILE`: every sentence as read (tokens, mentions, triggers, candidates) with the gold
/// relations whose quotes cover it, one JSON object per line (for learning and diagnosis).
let dumpPath = option("--dump")
var dumpLines: [String] = []
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let graphPath = option("--graph") ?? "graphs/iraq-axis-2021-2024.yaml"
let ploverPath = option("--plover") ?? "../shared/data/plover-gsr/PLOVER_GSR_CAMEO.txt"
let lexiconPath = option("--lexicon")
/// `--only ID`: PLOVER records whose id contains ID, with their candidates printed (debugging).
let onlyRecord = option("--only")
/// `--set GOLD.yaml[:ACTORS.yaml]`, repeatable: more graph sets (articles + actors + gold).
var extraSets: [(String, String?)] = []
while let value = option("--set") {
    let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
    extraSets.append((parts[0], parts.count > 1 ? parts[1] : nil))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

let lexicon: Lexicon
let gazetteer: Gazetteer
do {
    lexicon = try lexiconPath.map { try Lexicon.load(contentsOf: URL(fileURLWithPath: $0)) } ?? Lexicon.bundled()
    gazetteer = try Gazetteer.bundled()
} catch { fail("\(error)") }

@MainActor func printReport(_ title: String, _ report: EvaluationReport, quotes: (Int, Int)) {
    print("== \(title)")
    print(report.table, terminator: "")
    print("quotes verified: \(quotes.0)/\(quotes.1)")
    if verbose {
        print("-- false positives"); report.falsePositiveKeys.forEach { print("  " + $0) }
        print("-- false negatives"); report.falseNegativeKeys.forEach { print("  " + $0) }
        print("-- modality errors"); report.modalityErrors.forEach { print("  " + $0) }
    }
    print("")
}

// MARK: (a) graph sets: the seed articles, the held-out fixture, any --set

/// Scores one graph set: a gold graph whose documents are the articles (read through its
/// `corpus`) and whose relations are the gold; its actors (or those of `actorsPath`) are the
/// dictionary, without relations.
@MainActor func scoreGraphSet(_ title: String, gold goldPath: String, actors actorsPath: String? = nil) -> (ActorGraph, String?) {
    do {
        let loaded = try GraphFileReader.read(contentsOf: URL(fileURLWithPath: goldPath), displayPath: goldPath)
        var dictionary = loaded.graph
        if let actorsPath {
            dictionary = try GraphFileReader.read(contentsOf: URL(fileURLWithPath: actorsPath), displayPath: actorsPath).graph
        }
        dictionary.relations = []
        let extractor = Extractor(graph: dictionary, lexicon: lexicon, gazetteer: gazetteer)
        var candidates: [Candidate] = []
        var gold: [GoldRelation] = []
        var verified = 0, quotes = 0
        var longest: String?
        var reach = Reach()
        for document in loaded.graph.documents {
            let url = URL(fileURLWithPath: document.path, relativeTo: loaded.corpusDirectory)
            guard let data = FileManager.default.contents(atPath: url.path) else { fail("cannot read \(url.path)") }
            let text = String(decoding: data, as: UTF8.self)
            if longest == nil || text.split(separator: " ").count > longest!.split(separator: " ").count { longest = text }
            let result = extractor.extract(text: text, document: document.id, date: document.published)
            let key = TextFolding.quoteKey(text)
            for c in result.candidates {
                quotes += 1
                if key.contains(TextFolding.quoteKey(c.quote)) { verified += 1 }
            }
            candidates += result.candidates
            for r in loaded.graph.relations where r.evidence.contains(where: { $0.document == document.id }) {
                gold.append(GoldRelation(document: document.id, source: r.source, target: r.target, type: r.type, modality: r.modality))
            }
            if dumpPath != nil {
                dump(set: goldPath, document: document.id, sentences: extractor.analyse(text: text, document: document.id, date: document.published),
                     gold: loaded.graph.relations)
            }
            if ceiling {
                reach.add(extractor: extractor, text: text, document: document.id, date: document.published,
                          gold: loaded.graph.relations, candidates: result.candidates)
            }
        }
        let report = EvaluationReport.score(candidates: candidates, gold: gold, known: Set(dictionary.actors.map(\.id)))
        printReport("\(title) (\(loaded.graph.documents.count) documents, \(Set(gold).count) gold relations, \(candidates.count) candidates)",
                    report, quotes: (verified, quotes))
        if ceiling { reach.print() }
        return (dictionary, longest)
    } catch let error as DiagnosticsError {
        fail(error.diagnostics.map(\.description).joined(separator: "\n"))
    } catch { fail("\(error)") }
}

let (seedGraph, speedText) = scoreGraphSet("seed articles", gold: graphPath)
if !seedOnly {
    // The held-out sets, each its own section: the fictional articles of round 2 and the
    // unseen-region articles written before round 3 (never tuned to).
    let heldout = [("held-out fictional articles", "Tests/ActorGraphExtractionTests/Fixtures/heldout/gold.yaml"),
                   ("held-out unseen-region articles (round 3)", "Tests/ActorGraphExtractionTests/Fixtures/heldout2/gold.yaml"),
                   ("held-out blind articles 3 (measured blind at round 5, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout3/gold.yaml"),
                   ("held-out blind articles 4 (measured blind at round 6, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout4/gold.yaml"),
                   ("held-out blind articles 5 (measured blind at round 7, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout5/gold.yaml"),
                   ("held-out blind articles 6 (measured blind at round 8, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout6/gold.yaml"),
                   ("held-out blind articles 7 (measured blind at round 9, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout7/gold.yaml"),
                   ("held-out blind articles 8 (measured blind at round 10, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout8/gold.yaml"),
                   ("held-out blind articles 9 (measured blind at round 11, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout9/gold.yaml"),
                   ("held-out blind articles 10 (measured blind at round 12, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout10/gold.yaml"),
                   ("held-out blind articles 11 (measured blind at round 13, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout11/gold.yaml"),
                   ("held-out blind articles 12 (measured blind at round 14, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout12/gold.yaml"),
                   ("held-out blind articles 13 (measured blind at round 15, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout13/gold.yaml"),
                   ("held-out blind articles 14 (measured blind at round 16, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout14/gold.yaml"),
                   ("held-out blind articles 15 (measured blind at round 17, development since)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout15/gold.yaml"),
                   ("held-out blind articles 16 (measured blind on the final code of round 17)",
                    "Tests/ActorGraphExtractionTests/Fixtures/heldout16/gold.yaml")]
    for (title, path) in heldout where extraSets.isEmpty && FileManager.default.fileExists(atPath: path) {
        _ = scoreGraphSet(title, gold: path)
    }
    for (gold, actors) in extraSets { _ = scoreGraphSet("set \(gold)", gold: gold, actors: actors) }
}

@MainActor func dump(set: String, document: DocumentID, sentences: [SentenceAnalysis], gold: [Relation]) {
    for (index, s) in sentences.enumerated() {
        let key = TextFolding.quoteKey(s.text)
        let covering = gold.filter { r in
            r.evidence.contains { e in
                let q = TextFolding.quoteKey(e.quote)
                return e.document == document && !q.isEmpty && (q.contains(key) || key.contains(q))
            }
        }
        let object: [String: Any] = [
            "set": set, "document": "\(document)", "sentence": index, "tokens": s.tokens,
            "mentions": s.mentions.map { ["actor": "\($0.actor)", "start": $0.range.lowerBound, "end": $0.range.upperBound,
                                          "location": $0.isLocation, "kind": "\($0.kind)", "rule": $0.rule] as [String: Any] },
            "triggers": s.triggers.map { ["type": "\($0.type)", "form": $0.form, "start": $0.range.lowerBound, "end": $0.range.upperBound] as [String: Any] },
            "candidates": s.candidates.map { ["source": "\($0.source)", "target": "\($0.target)", "type": "\($0.type)",
                                              "confidence": $0.confidence, "rule": $0.rule] as [String: Any] },
            "gold": covering.map { ["source": "\($0.source)", "target": "\($0.target)", "type": "\($0.type)"] },
        ]
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            dumpLines.append(String(decoding: data, as: UTF8.self))
        }
    }
}

/// The ceiling of sentence-level extraction on one set (`--ceiling`).
struct Reach {
    var gold = 0, reachable = 0, found = 0, foundUnreachable = 0, otherType = 0, otherDirection = 0

    mutating func add(extractor: Extractor, text: String, document: DocumentID, date: PartialDate?,
                      gold relations: [Relation], candidates: [Candidate]) {
        let sentences = extractor.sentenceMentions(text: text, document: document, date: date)
            .map { (key: TextFolding.quoteKey($0.text), actors: Set($0.actors)) }
        var seen: Set<String> = []
        for r in relations {
            let quotes = r.evidence.filter { $0.document == document }.map { TextFolding.quoteKey($0.quote) }
            guard !quotes.isEmpty, seen.insert("\(r.source)|\(r.target)|\(r.type)").inserted else { continue }
            gold += 1
            let inQuote = sentences.filter { s in quotes.contains { q in !q.isEmpty && (q.contains(s.key) || s.key.contains(q)) } }
            let isReachable = inQuote.contains { $0.actors.contains(r.source) && $0.actors.contains(r.target) }
            let same: (Candidate) -> Bool = { c in
                c.type == r.type && ((c.source == r.source && c.target == r.target)
                    || (r.type == .meets && c.source == r.target && c.target == r.source))
            }
            if candidates.contains(where: same) {
                found += 1
                if !isReachable { foundUnreachable += 1 }
            } else if isReachable {
                if candidates.contains(where: { $0.type != r.type && Set([$0.source, $0.target]) == Set([r.source, r.target]) }) {
                    otherType += 1
                } else if candidates.contains(where: { $0.type == r.type && $0.source == r.target && $0.target == r.source }) {
                    otherDirection += 1
                }
            }
            if isReachable { reachable += 1 }
        }
    }

    func print() {
        let share = { (n: Int) in String(format: "%.2f", gold == 0 ? 0 : Double(n) / Double(gold)) }
        Swift.print("ceiling: gold \(gold); both actors recognised in a sentence of the quote \(reachable) (\(share(reachable))); "
            + "found \(found) (\(share(found))), \(foundUnreachable) of them across sentences; missed though reachable "
            + "\(reachable - (found - foundUnreachable)) (pair output with another type \(otherType), reversed \(otherDirection)); "
            + "missed, an actor not recognised in the quote \(gold - reachable - foundUnreachable)")
        Swift.print("")
    }
}

if let dumpPath {
    _ = FileManager.default.createFile(atPath: dumpPath, contents: Data((dumpLines.joined(separator: "\n") + "\n").utf8))
}

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

if !seedOnly {
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

// MARK: (c) speed

if !noSpeed, let text = speedText {
    let graph = seedGraph
    // A 1,000-word article: the longest seed article cut (or repeated) to 1,000 words.
    var words = text.split(separator: " ", omittingEmptySubsequences: false)
    while words.count < 1000 { words += text.split(separator: " ", omittingEmptySubsequences: false) }
    let article = words.prefix(1000).joined(separator: " ")
    let start0 = Date()
    let extractor = Extractor(graph: graph, lexicon: lexicon, gazetteer: gazetteer)
    let setup = Date().timeIntervalSince(start0)
    var times: [Double] = []
    var count = 0
    for _ in 0..<30 {
        let t0 = Date()
        count = extractor.extract(text: article, document: "speed", date: PartialDate(year: 2024, month: 6)).candidates.count
        times.append(Date().timeIntervalSince(t0) * 1000)
    }
    times.sort()
    print("== speed: 1,000-word article, \(graph.actors.count) actors in the dictionary, \(count) candidates")
    print(String(format: "extraction: median %.1f ms, max %.1f ms over %d runs (setup once: %.1f ms)",
                 times[times.count / 2], times.last!, times.count, setup * 1000))
}
