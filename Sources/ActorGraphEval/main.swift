// actorgraph-eval: scores extraction against gold (run through scripts/eval-extract).
//
//   actorgraph-eval [--graph G.yaml] [--plover FILE] [--set GOLD.yaml[:ACTORS.yaml]]…
//                   [--seed-only] [--verbose] [--no-speed] [--ceiling] [--dump FILE]
//
// (a) Graph sets: a gold graph file whose documents are the articles and whose relations are the
//     gold, its actors (or ACTORS.yaml's) the dictionary; each article dated by its document's
//     `published`. The seed articles (--graph), then the held-out sets in
//     Tests/ActorGraphExtractionTests/Fixtures/heldout (fictional actors), heldout2 (unseen
//     regions), heldout3, heldout4, … as far as they exist (written blind), each its own section
//     (unless --set names others). GraphSets.swift, Plover.swift, Speed.swift; Ceiling.swift: --ceiling, --dump.
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

// MARK: (a) graph sets: the seed articles, the held-out fixture, any --set

let (seedGraph, speedText) = scoreGraphSet("seed articles", gold: graphPath)
if !seedOnly {
    for (title, path) in heldoutSets() where extraSets.isEmpty { _ = scoreGraphSet(title, gold: path) }
    for (gold, actors) in extraSets { _ = scoreGraphSet("set \(gold)", gold: gold, actors: actors) }
}
if let dumpPath {
    _ = FileManager.default.createFile(atPath: dumpPath, contents: Data((dumpLines.joined(separator: "\n") + "\n").utf8))
}

// MARK: (b) PLOVER gold-standard records

if !seedOnly { scorePlover() }

// MARK: (c) speed

if !noSpeed, let text = speedText { measureSpeed(text: text, graph: seedGraph) }

