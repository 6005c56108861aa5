import ActorGraphCore
import Foundation

/// A relation proposed by extraction, with the sentence it rests on.
public struct Candidate: Sendable, Hashable {
    public var source: ActorID
    public var target: ActorID
    public var type: RelationType
    public var modality: Modality
    public var date: PartialDate?
    /// The trigger phrase as written ("praised", "held talks with").
    public var label: String
    /// The verbatim sentence.
    public var quote: String
    public var document: DocumentID
    public var confidence: Double
    /// The rule that produced it: construction and trigger ("verb-active:praise").
    public var rule: String
    /// Index of the sentence in the article (0-based).
    public var sentence: Int
}

/// What one article gave.
public struct ExtractionResult: Sendable {
    public var candidates: [Candidate]
    /// New actors the candidates refer to.
    public var proposals: [ProposedActor]
    /// The date relations default to (given, or read from the date line).
    public var articleDate: PartialDate?
    public var sentenceCount: Int
}

/// Proposes typed relations between actors from an article's text, by rules: sentences, actor
/// mentions, triggers from the lexicon, roles from the construction, modality from cues.
/// docs/EXTRACTION.md describes every step.
public struct Extractor: Sendable {
    public let graph: ActorGraph
    public let lexicon: Lexicon
    public let gazetteer: Gazetteer
    let dictionary: ActorDictionary
    let cues: CueIndex

    public init(graph: ActorGraph, lexicon: Lexicon, gazetteer: Gazetteer) {
        self.graph = graph
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.cues = CueIndex(lexicon)
        self.dictionary = ActorDictionary(graph: graph, gazetteer: gazetteer, stopWords: Self.stopWords)
    }

    /// Common words never taken as a one-word actor name.
    static let stopWords: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our",
        "is", "was", "be", "are", "were", "of", "in", "on", "at", "to", "for", "with", "by", "and", "or",
        "state", "government", "coalition", "occupation", "party", "movement", "group", "council", "forces",
        "resistance", "army", "people", "ministry", "office", "us", "may", "will",
    ]

    /// Extracts candidates from an article.
    ///
    /// - Parameters:
    ///   - date: the publication date; without one, the date line is looked for.
    /// - Complexity: O(n·w) in the article's tokens n and the search window w.
    public func extract(text: String, document: DocumentID, date: PartialDate? = nil) -> ExtractionResult {
        let articleDate = date ?? DateResolver.articleDate(in: text)
        var run = Run(extractor: self, text: text, document: document, articleDate: articleDate)
        let sentences = SentenceSplitter.sentences(in: text)
        for (index, range) in sentences.enumerated() {
            run.sentence(index, range)
        }
        let used = Set(run.candidates.flatMap { [$0.source, $0.target] })
        let proposals = run.proposals.values.filter { used.contains($0.id) }.sorted { $0.id < $1.id }
        return ExtractionResult(candidates: run.candidates, proposals: proposals, articleDate: articleDate,
                                sentenceCount: sentences.count)
    }
}

/// Cue phrases by section, indexed by their first word.
struct CueIndex: Sendable {
    var byFirst: [String: [(section: String, words: [String])]] = [:]
    var governmentNouns: [String: [[String]]] = [:]
    var titles: [String: [[String]]] = [:]
    var agentNouns: Set<String> = []
    var anaphora: [String: [([String], [ActorKind])]] = [:]
    /// Verbs that take their partner with "with" ("clash with", "agree with"): a coordinated
    /// subject with no object ("X and Y clashed") relates every pair.
    var reciprocalHeads: Set<String> = []

    init(_ lexicon: Lexicon) {
        for t in lexicon.triggers where t.form == .verb && t.words.last == "with" { reciprocalHeads.insert(t.words[0]) }
        for section in ["denied", "possible", "reported", "negation", "reversal"] {
            for words in lexicon.cueList(section) where !words.isEmpty {
                byFirst[words[0], default: []].append((section, words))
            }
        }
        for words in lexicon.cueList("government-nouns") where !words.isEmpty { governmentNouns[words[0], default: []].append(words) }
        for words in lexicon.cueList("person-titles") where !words.isEmpty { titles[words[0], default: []].append(words) }
        agentNouns = Set(lexicon.cueList("agent-nouns").compactMap(\.last))
        for (words, kinds) in lexicon.anaphora { anaphora[words[0], default: []].append((words, kinds)) }
    }

    /// The longest phrase of `table` at token `i`; its length.
    static func longest(_ table: [String: [[String]]], _ tokens: [Token], at i: Int) -> Int? {
        guard i < tokens.count, let list = table[tokens[i].key] else { return nil }
        var best: Int?
        for words in list where words.count > (best ?? 0) && i + words.count <= tokens.count {
            if words.indices.allSatisfy({ tokens[i + $0].key == words[$0] }) { best = words.count }
        }
        return best
    }
}

/// One cue found in a sentence.
struct CueHit {
    var section: String
    var range: Range<Int>
}

/// A trigger found in a sentence.
struct TriggerHit {
    var trigger: Lexicon.Trigger
    var range: Range<Int>
    var isParticiple: Bool
    var reciprocalOnly: Bool
}

/// The state of extraction over one article.
struct Run {
    let extractor: Extractor
    let text: String
    let document: DocumentID
    let articleDate: PartialDate?
    var dictionary: ActorDictionary
    var proposals: [ActorID: ProposedActor] = [:]
    var candidates: [Candidate] = []
    /// Mentions of the previous sentences (most recent last), for anaphora.
    var history: [(sentence: Int, actor: ActorID, kind: ActorKind)] = []

    // Per sentence
    var tokens: [Token] = []
    var mentions: [Mention] = []
    var owner: [Int?] = []
    var cueHits: [CueHit] = []
    /// Subjects inherited by objects of earlier verbs: object mention → subject mentions.
    var objectOf: [Int: [Int]] = [:]

    init(extractor: Extractor, text: String, document: DocumentID, articleDate: PartialDate?) {
        self.extractor = extractor
        self.text = text
        self.document = document
        self.articleDate = articleDate
        self.dictionary = extractor.dictionary
    }

    static let locationPrepositions: Set<String> = [
        "in", "at", "from", "into", "inside", "within", "near", "across", "throughout", "outside",
    ]
    static let prepositions: Set<String> = [
        "of", "in", "to", "for", "with", "by", "from", "against", "on", "at", "over", "about", "into",
        "toward", "towards", "between", "among", "under", "through", "across", "near", "without", "than",
    ]
    static let determiners: Set<String> = [
        "the", "a", "an", "its", "his", "her", "their", "our", "your", "my", "this", "that", "these", "those",
        "'s", "of", "for", "with", "full", "strong", "continued", "any", "no", "such", "new", "more", "military",
        "financial", "political", "diplomatic", "public", "direct", "joint", "further", "recent", "latest",
        "unwavering", "steadfast", "firm", "repeated", "deadly", "fresh", "possible",
    ]
    static let beForms: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting"]
    static let targetBoundaries: Set<String> = [
        ";", ":", ".", "?", "!", "(", ")", ",", "but", "while", "whereas", "although", "because", "after",
        "before", "when", "which", "who", "whom", "where", "since", "until", "said", "says", "told", "as",
        "that", "if", "unless",
    ]
    static let coordination: Set<String> = ["and", ",", "or", "as well as"]

    // MARK: Sentences

    mutating func sentence(_ index: Int, _ range: Range<String.Index>) {
        tokens = Tokenizer.tokens(in: text, range: range)
        mentions = []
        owner = Array(repeating: nil, count: tokens.count)
        objectOf = [:]
        findMentions(index)
        findCues()
        let date = DateResolver.date(of: tokens, base: articleDate)
        let quote = String(text[range])
        var found: [Candidate] = []
        let hits = findTriggers()
        for hit in hits {
            // "rejection of the support for X": a supporting noun that an opposing trigger governs
            // is what is opposed, not a relation of its own.
            if hit.trigger.form == .noun, hit.trigger.type == .supports,
               hits.contains(where: { $0.trigger.type == .opposes && $0.range.upperBound <= hit.range.lowerBound
                   && hit.range.lowerBound - $0.range.upperBound <= 4 }) {
                continue
            }
            found += roles(hit, sentence: index, date: date, quote: quote)
        }
        // One candidate per pair and type in a sentence: the most confident.
        var best: [String: Candidate] = [:]
        var order: [String] = []
        for c in found {
            let key = "\(c.source)|\(c.target)|\(c.type)"
            if let old = best[key] {
                if c.confidence > old.confidence { best[key] = c }
            } else { best[key] = c; order.append(key) }
        }
        candidates += order.map { best[$0]! }
        for m in mentions where !m.isLocation { history.append((index, m.actor, m.kind)) }
        if history.count > 64 { history.removeFirst(history.count - 64) }
    }

    // MARK: Mentions

    mutating func addMention(_ m: Mention) {
        guard m.range.allSatisfy({ owner[$0] == nil }) else { return }
        for k in m.range { owner[k] = mentions.count }
        mentions.append(m)
    }

    func previousKey(_ i: Int) -> String { i > 0 ? tokens[i - 1].key : "" }

    func kind(of id: ActorID) -> ActorKind {
        dictionary.kinds[id] ?? proposals[id]?.kind ?? .group
    }

    mutating func propose(_ name: String, kind: ActorKind, country: String?, rule: String) -> ActorID {
        let id = ActorID("new-" + Slug.make(name))
        if proposals[id] == nil {
            proposals[id] = ProposedActor(id: id, name: name, kind: kind, country: country, rule: rule)
        }
        return id
    }

    mutating func findMentions(_ sentenceIndex: Int) {
        let n = tokens.count
        var pending: [Mention] = []
        var i = 0
        // 1. Names from the graph and the gazetteer; longest first, the graph on ties.
        while i < n {
            guard tokens[i].kind == .word else { i += 1; continue }
            let named = dictionary.matchActor(tokens, at: i)
            let state = dictionary.matchState(tokens, at: i)
            if let (length, actor) = named, length >= (state?.0 ?? 0) {
                let k = kind(of: actor)
                let isLocation = k == .government && Self.locationPrepositions.contains(previousKey(i))
                let isSurname = dictionary.byFirst[tokens[i].key]?.first { $0.actor == actor && $0.words.count == length }?.rule == .surname
                addMention(Mention(actor: actor, range: i..<(i + length), rule: isSurname ? .surname : .name,
                                   isLocation: isLocation, kind: k, certainty: isSurname ? 0.9 : 1))
                i += length
                continue
            }
            if let (length, entry) = state {
                if entry.isAdjective {
                    // "the Iraqi government", "Hungarian and Romanian officials"
                    var chain = [(i, length, entry.code)]
                    var k = i + length
                    while k + 1 < n, tokens[k].key == "and" || tokens[k].key == ",",
                          let (l2, e2) = dictionary.matchState(tokens, at: k + 1), e2.isAdjective {
                        chain.append((k + 1, l2, e2.code))
                        k = k + 1 + l2
                    }
                    if let nounLength = CueIndex.longest(extractor.cues.governmentNouns, tokens, at: k) {
                        let after = k + nounLength
                        let nameFollows = after < n && tokens[after].isCapitalized && tokens[after].kind == .word
                            && CueIndex.longest(extractor.cues.titles, tokens, at: k) != nil
                        if !nameFollows {
                            for (index, link) in chain.enumerated() {
                                let actor = dictionary.stateActor(link.2, proposals: &proposals)
                                let end = index == chain.count - 1 ? after : link.0 + link.1
                                addMention(Mention(actor: actor, range: link.0..<end, rule: .adjective,
                                                   isLocation: false, kind: .government, certainty: 0.9))
                            }
                            i = after
                            continue
                        }
                    }
                    i += length
                    continue
                }
                // A state or capital named; not when it starts a longer proper name ("Tehran Times").
                let after = i + length
                let startsName = after < n && tokens[after].kind == .word && tokens[after].isCapitalized
                    && !tokens[after].hyphenBefore && dictionary.matchActor(tokens, at: after) == nil
                    && dictionary.matchState(tokens, at: after) == nil
                    && !Self.locationPrepositions.contains(previousKey(i))
                if !startsName {
                    let actor = dictionary.stateActor(entry.code, proposals: &proposals)
                    addMention(Mention(actor: actor, range: i..<after, rule: entry.isCapital ? .capital : .state,
                                       isLocation: Self.locationPrepositions.contains(previousKey(i)),
                                       kind: .government, certainty: entry.isCapital ? 0.85 : 0.95))
                }
                i = after
                continue
            }
            i += 1
        }
        // 2. Titles before unknown names: "Prime Minister X" → a proposed person.
        i = 0
        while i < n {
            guard owner[i] == nil, tokens[i].isCapitalized,
                  let length = CueIndex.longest(extractor.cues.titles, tokens, at: i) else { i += 1; continue }
            var k = i + length
            let start = k
            while k < n, owner[k] == nil, tokens[k].kind == .word, k - start < 4,
                  tokens[k].isCapitalized || (["al", "bin", "ibn", "abu", "el", "bint"].contains(tokens[k].key) && k > start) {
                k += 1
            }
            if k > start, tokens[k - 1].isCapitalized {
                let name = String(text[tokens[start].range.lowerBound..<tokens[k - 1].range.upperBound])
                var country: String?
                if i > 0, let (_, e) = dictionary.matchState(tokens, at: i - 1), e.isAdjective { country = e.code }
                let id = propose(name, kind: .person, country: country, rule: "person-title")
                addMention(Mention(actor: id, range: start..<k, rule: .title, isLocation: false, kind: .person, certainty: 0.8))
            }
            i = max(k, i + 1)
        }
        // 3. Unknown organisations by their head word: "… Brigades", "Ministry of …".
        i = 0
        while i < n {
            guard owner[i] == nil, tokens[i].kind == .word, tokens[i].isCapitalized else { i += 1; continue }
            var start = i
            if tokens[i].key == "the" { start += 1 }
            var k = start
            while k < n, owner[k] == nil, tokens[k].kind == .word,
                  tokens[k].isCapitalized || (["of", "for", "the", "al", "el"].contains(tokens[k].key) && k > start) {
                k += 1
            }
            while k > start, !tokens[k - 1].isCapitalized { k -= 1 }
            if k - start >= 2 {
                let heads = (start..<k).compactMap { extractor.lexicon.organizationHeads[tokens[$0].key] }
                if let kind = heads.last {
                    let name = String(text[tokens[start].range.lowerBound..<tokens[k - 1].range.upperBound])
                    var country: String?
                    if let (_, e) = dictionary.matchState(tokens, at: start), e.isAdjective { country = e.code }
                    let id = propose(name, kind: kind, country: country, rule: "organization-pattern")
                    addMention(Mention(actor: id, range: start..<k, rule: .pattern, isLocation: false, kind: kind, certainty: 0.8))
                }
            }
            i = max(k, i + 1)
        }
        // 4. Anaphora: "the group", "he" → the last fitting actor.
        for i in 0..<n where owner[i] == nil {
            guard let list = extractor.cues.anaphora[tokens[i].key] else { continue }
            guard let (words, kinds) = list.filter({ entry in
                i + entry.0.count <= n && entry.0.indices.allSatisfy { tokens[i + $0].key == entry.0[$0] }
            }).max(by: { $0.0.count < $1.0.count }) else { continue }
            let range = i..<(i + words.count)
            guard range.allSatisfy({ owner[$0] == nil }) else { continue }
            let before = mentions.filter { $0.range.upperBound <= i && !$0.isLocation && $0.rule != .anaphora }
                .sorted { $0.range.lowerBound < $1.range.lowerBound }
            var resolved: (ActorID, ActorKind)?
            if let m = before.last(where: { kinds.contains($0.kind) }) {
                resolved = (m.actor, m.kind)
            } else if let h = history.last(where: { kinds.contains($0.kind) && sentenceIndex - $0.sentence <= 3 }) {
                resolved = (h.actor, h.kind)
            }
            if let (actor, kind) = resolved {
                pending.append(Mention(actor: actor, range: range, rule: .anaphora, isLocation: false, kind: kind, certainty: 0.75))
            }
        }
        for m in pending { addMention(m) }
    }

    // MARK: Cues and triggers

    mutating func findCues() {
        cueHits = []
        for i in tokens.indices {
            guard let list = extractor.cues.byFirst[tokens[i].key] else { continue }
            for (section, words) in list where i + words.count <= tokens.count {
                if words.indices.allSatisfy({ tokens[i + $0].key == words[$0] }) {
                    cueHits.append(CueHit(section: section, range: i..<(i + words.count)))
                }
            }
        }
    }

    func findTriggers() -> [TriggerHit] {
        var hits: [TriggerHit] = []
        var i = 0
        let n = tokens.count
        while i < n {
            guard owner[i] == nil, tokens[i].kind == .word,
                  let variants = extractor.lexicon.variants[tokens[i].key] else { i += 1; continue }
            var matches: [(Lexicon.Variant, Lexicon.Trigger)] = []
            for v in variants where i + v.words.count <= n {
                if v.words.indices.dropFirst().allSatisfy({ tokens[i + $0].key == v.words[$0] && owner[i + $0] == nil }) {
                    matches.append((v, extractor.lexicon.triggers[v.trigger]))
                }
            }
            guard !matches.isEmpty else { i += 1; continue }
            let compound = tokens[i].hyphenBefore && i > 0 && owner[i - 1] != nil
            // A verb needs a subject before it: with no actor named yet, "Attacks on X…" is a noun.
            let nounContext = (i > 0 && (Self.determiners.contains(tokens[i - 1].key) || tokens[i - 1].kind == .possessive
                                         || (Self.prepositions.contains(tokens[i - 1].key) && tokens[i - 1].key != "to")))
                || !(0..<i).contains { owner[$0] != nil }
            let hasNoun = matches.contains { $0.1.form != .verb }
            let verbs = matches.filter { $0.1.form == .verb }
            var chosen: [(Lexicon.Variant, Lexicon.Trigger)]
            if compound {
                chosen = verbs.filter { $0.0.isParticiple }
            } else if !verbs.isEmpty && (!hasNoun || !nounContext) {
                chosen = verbs
                // A base-form or -s verb right after a determiner is a noun ("the attack", "the back").
                if nounContext && verbs.allSatisfy({ !$0.0.isParticiple }) { chosen = [] }
            } else {
                chosen = matches.filter { $0.1.form != .verb }
            }
            // The longest phrase per type.
            var perType: [RelationType: (Lexicon.Variant, Lexicon.Trigger)] = [:]
            for m in chosen where m.0.words.count > (perType[m.1.type]?.0.words.count ?? 0) { perType[m.1.type] = m }
            var longest = 1
            for (_, m) in perType.sorted(by: { $0.key < $1.key }) {
                hits.append(TriggerHit(trigger: m.1, range: i..<(i + m.0.words.count), isParticiple: m.0.isParticiple,
                                       reciprocalOnly: m.0.reciprocalOnly))
                longest = max(longest, m.0.words.count)
            }
            i += longest
        }
        return hits
    }

    // MARK: Roles

    func isPreposition(_ k: Int) -> Bool { k >= 0 && k < tokens.count && Self.prepositions.contains(tokens[k].key) }

    /// Whether a mention can be the acting party of a clause.
    func canBeSubject(_ index: Int) -> Bool {
        let m = mentions[index]
        if m.isLocation { return false }
        var before = m.range.lowerBound - 1
        while before >= 0, tokens[before].key == "the" { before -= 1 }
        guard isPreposition(before) else { return true }
        // "the leader of X", "a spokesman for X" act for X.
        let prep = tokens[before].key
        return (prep == "of" || prep == "for") && before > 0 && extractor.cues.agentNouns.contains(tokens[before - 1].key)
    }

    /// The subject mentions before token `i`: the nearest mention that can act, and those
    /// coordinated with it ("X and Y met"). Objects of an earlier verb pass on that verb's subject.
    func subjects(before i: Int, limit: Int = 30) -> [Int] {
        var k = i - 1
        var steps = 0
        while k >= 0 && steps < limit {
            if tokens[k].key == ";" || tokens[k].key == ":" { break }
            if let m = owner[k] {
                if let inherited = objectOf[m] { return inherited }
                if canBeSubject(m) { return coordinated(m) }
                k = mentions[m].range.lowerBound - 1
                steps += 1
                continue
            }
            k -= 1
            steps += 1
        }
        return []
    }

    /// A mention and those joined to it before by "and" or commas.
    func coordinated(_ m: Int) -> [Int] {
        var group = [m]
        var k = mentions[m].range.lowerBound - 1
        while k >= 1, Self.coordination.contains(tokens[k].key) {
            var j = k - 1
            if tokens[k].key == "and", j >= 0, tokens[j].key == "," { j -= 1 }
            guard j >= 0, let other = owner[j], !mentions[other].isLocation else { break }
            group.insert(other, at: 0)
            k = mentions[other].range.lowerBound - 1
        }
        return group
    }

    /// Mentions after token `start` up to a clause boundary within `window` tokens, with those
    /// coordinated with the first ("condemned X and Y").
    func objects(after start: Int, window: Int = 8, allowLocation: Bool = false) -> (mentions: [Int], distance: Int) {
        var k = start
        let n = tokens.count
        while k < n && k < start + window {
            if var m = owner[k] {
                if mentions[m].isLocation && !allowLocation { k = mentions[m].range.upperBound; continue }
                // "met X's envoy Y": the envoy, when named right after the possessive.
                let after = mentions[m].range.upperBound
                if after < n, tokens[after].kind == .possessive {
                    for j in (after + 1)..<min(n, after + 4) {
                        if let other = owner[j] { m = other; break }
                        if tokens[j].kind != .word { break }
                    }
                }
                var found = [m]
                var j = mentions[m].range.upperBound
                while j + 1 < n, Self.coordination.contains(tokens[j].key) {
                    var next = j + 1
                    if tokens[next].key == "and" { next += 1 }
                    if next < n, tokens[next].key == "the" { next += 1 }
                    guard next < n, let other = owner[next], !mentions[other].isLocation || allowLocation else { break }
                    found.append(other)
                    j = mentions[other].range.upperBound
                }
                return (found, k - start)
            }
            if Self.targetBoundaries.contains(tokens[k].key) { break }
            k += 1
        }
        return ([], 0)
    }

    /// The mention right after a preposition found within a few tokens of `start`.
    func mention(afterPreposition words: Set<String>, from start: Int, within: Int = 3, allowLocation: Bool = true) -> (Int, Int)? {
        var k = start
        while k < tokens.count && k < start + within {
            if words.contains(tokens[k].key) {
                var j = k + 1
                if j < tokens.count, tokens[j].key == "the" { j += 1 }
                if j < tokens.count, let m = owner[j], allowLocation || !mentions[m].isLocation { return (m, k) }
                return nil
            }
            if owner[k] != nil || Self.targetBoundaries.contains(tokens[k].key) { return nil }
            k += 1
        }
        return nil
    }

    /// The possessor right before a noun: "X's support", "X's strong support".
    func possessor(before i: Int) -> Int? {
        var k = i - 1
        var skipped = 0
        while k >= 0, skipped <= 2 {
            if tokens[k].kind == .possessive { return k > 0 ? owner[k - 1] : nil }
            if ["his", "her", "its", "their"].contains(tokens[k].key) { return owner[k] }
            guard tokens[k].kind == .word, owner[k] == nil, !Self.prepositions.contains(tokens[k].key) else { return nil }
            k -= 1
            skipped += 1
        }
        return nil
    }

    mutating func roles(_ hit: TriggerHit, sentence: Int, date: PartialDate?, quote: String) -> [Candidate] {
        let t = hit.trigger
        let start = hit.range.lowerBound, end = hit.range.upperBound
        var pairs: [(Int, Int, String, Double, Int)] = [] // source, target, construction, base confidence, distance
        let lemma = t.words.joined(separator: " ")
        let negated = isNegated(before: start)
        switch t.form {
        case .verb:
            let byAgent = mention(afterPreposition: ["by"], from: end, within: 2)
            var beBefore = false
            var k = start - 1
            while k >= 0, k >= start - 3 {
                if Self.beForms.contains(tokens[k].key) { beBefore = true; break }
                if owner[k] != nil || tokens[k].kind != .word { break }
                k -= 1
            }
            if hit.isParticiple && tokens[start].hyphenBefore, let source = owner[start - 1] {
                let (targets, distance) = objects(after: end, window: 5)
                for target in targets { pairs.append((source, target, "verb-compound", 0.75, distance)) }
            } else if hit.isParticiple && (beBefore || byAgent != nil) {
                guard let (agent, byAt) = byAgent else { break }
                // "Y, backed by X": without a form of "be", Y must come right before the participle.
                var patients = subjects(before: start)
                if !beBefore {
                    var k = start - 1
                    if k >= 0, tokens[k].key == "," { k -= 1 }
                    patients = k >= 0 && owner[k] != nil ? patients.filter { mentions[$0].range.upperBound == k + 1 || owner[k] == $0 } : []
                }
                for patient in patients { pairs.append((agent, patient, "verb-passive", 0.8, byAt - end)) }
            } else if hit.reciprocalOnly {
                let sources = subjects(before: start)
                if sources.count >= 2, objects(after: end, window: 3).mentions.isEmpty {
                    for a in 0..<sources.count { for b in (a + 1)..<sources.count {
                        pairs.append((sources[a], sources[b], "coordinated", 0.75, 0))
                        if !t.type.isSymmetric { pairs.append((sources[b], sources[a], "coordinated", 0.75, 0)) }
                    } }
                }
            } else {
                let sources = subjects(before: start)
                let allowLocation = t.type == .hosts || t.reverse || lemma == "visit"
                let (targets, distance) = objects(after: end, window: 8, allowLocation: allowLocation)
                for s in sources { for o in targets { pairs.append((s, o, "verb-active", 0.8, distance)) } }
                if targets.isEmpty && sources.count >= 2
                    && (t.type == .meets || extractor.cues.reciprocalHeads.contains(t.words[0])) {
                    for a in 0..<sources.count { for b in (a + 1)..<sources.count {
                        pairs.append((sources[a], sources[b], "coordinated", 0.75, 0))
                        if !t.type.isSymmetric { pairs.append((sources[b], sources[a], "coordinated", 0.75, 0)) }
                    } }
                }
                for o in targets { objectOfRecord(o, sources) }
            }
        case .noun:
            if t.words.last == "between" || (end < tokens.count && tokens[end].key == "between") {
                let from = t.words.last == "between" ? end : end + 1
                let (found, distance) = objects(after: from, window: 4)
                if t.type == .meets, found.count >= 2 { pairs.append((found[0], found[1], "noun-between", 0.75, distance)) }
                break
            }
            let endsInPreposition = t.words.count > 1 && Self.prepositions.contains(t.words.last!)
            var withOf = false
            for k in max(0, start - 4)..<start where tokens[k].key == "with" { withOf = true }
            if withOf, !endsInPreposition, let (agent, _) = mention(afterPreposition: ["of", "from"], from: end, within: 1) {
                let withAt = (max(0, start - 4)..<start).last { tokens[$0].key == "with" }!
                for patient in subjects(before: withAt) { pairs.append((agent, patient, "noun-with", 0.7, 0)) }
                break
            }
            // Agent "by X" / "from X"; patient after for/to/against/on/with/of.
            var agent: Int?
            var patient: (Int, Int)?
            var k = end
            var lastWasOf = false
            while k < tokens.count && k < end + 8 {
                if let m = owner[k] {
                    let prep = endsInPreposition && k == end ? t.words.last! : (k > 0 ? tokens[k - 1].key : "")
                    let prepBefore = k > 1 && tokens[k - 1].key == "the" ? tokens[k - 2].key : prep
                    if mentions[m].isLocation { k = mentions[m].range.upperBound; continue }
                    if prepBefore == "by" || (prepBefore == "from" && t.type == .supports) {
                        if agent == nil { agent = m }
                    } else if patient == nil {
                        if prepBefore == "of" && t.type == .supports { lastWasOf = true }
                        patient = (m, k - end)
                    } else if lastWasOf, agent == nil, ["for", "to", "with"].contains(prepBefore) {
                        // "support of X for Y": X gives, Y receives.
                        agent = patient!.0
                        patient = (m, k - end)
                        lastWasOf = false
                    }
                    k = mentions[m].range.upperBound
                    continue
                }
                if Self.targetBoundaries.contains(tokens[k].key) && tokens[k].key != "," { break }
                if tokens[k].key == "," && patient != nil { break }
                k += 1
            }
            guard let (target, distance) = patient else { break }
            if let agent {
                pairs.append((agent, target, "noun-agent", 0.7, distance))
            } else if let owner = possessor(before: start) {
                pairs.append((owner, target, "noun-possessive", 0.7, distance))
            } else {
                for s in subjects(before: start, limit: 12) { pairs.append((s, target, "noun-subject", 0.55, distance)) }
            }
        case .place:
            // "X opened an office in Y", "X, based in Y", "the office of X in Y": Y hosts X.
            guard let (host, at) = mention(afterPreposition: ["in", "at"], from: end, within: 3) else { break }
            var guests: [Int] = []
            if let (g, _) = mention(afterPreposition: ["of", "for"], from: end, within: 1, allowLocation: false) {
                guests = [g]
            } else if let g = possessor(before: start) {
                guests = [g]
            } else {
                guests = subjects(before: start, limit: 14)
            }
            for g in guests { pairs.append((host, g, "place", 0.65, at - end)) }
        }
        var result: [Candidate] = []
        let label = String(text[tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound])
        // "suspended aid to X": a supporting trigger governed by a reversal verb is opposition.
        let reversed = t.type == .supports && cueHits.contains {
            $0.section == "reversal" && $0.range.upperBound <= start && start - $0.range.upperBound <= 3
        }
        let type: RelationType = reversed ? .opposes : t.type
        for (s, o, construction, base, distance) in pairs {
            var (source, target) = (mentions[s], mentions[o])
            if t.reverse { swap(&source, &target) }
            guard source.actor != target.actor else { continue }
            let modality = self.modality(trigger: start, negated: negated, parties: [source.actor, target.actor])
            var confidence = base - 0.03 * Double(max(0, distance - 2))
            confidence *= min(source.certainty, target.certainty)
            if sentence < 4 { confidence += 0.05 }
            if source.rule == .pattern || source.rule == .title || target.rule == .pattern || target.rule == .title {
                confidence -= 0.05
            }
            confidence = (min(0.99, max(0.05, confidence)) * 100).rounded() / 100
            let anaphoric = source.rule == .anaphora || target.rule == .anaphora
            result.append(Candidate(
                source: source.actor, target: target.actor, type: type, modality: modality, date: date,
                label: label, quote: quote, document: document, confidence: confidence,
                rule: construction + ":" + lemma + (reversed ? "+reversal" : "") + (anaphoric ? "+anaphora" : ""),
                sentence: sentence))
        }
        return result
    }

    mutating func objectOfRecord(_ object: Int, _ subjects: [Int]) {
        if objectOf[object] == nil, !subjects.isEmpty { objectOf[object] = subjects }
    }

    func isNegated(before start: Int) -> Bool {
        cueHits.contains { $0.section == "negation" && $0.range.upperBound <= start && start - $0.range.upperBound <= 2 }
    }

    // MARK: Modality

    static let speakerCues: Set<String> = [
        "said", "says", "say", "told", "stated", "added", "noted", "claimed", "claims", "claim", "quoted",
    ]

    /// denied > possible > reported > asserted, from cues in the trigger's clause.
    func modality(trigger: Int, negated: Bool, parties: Set<ActorID>) -> Modality {
        func sameClause(_ a: Int, _ b: Int) -> Bool {
            !(min(a, b)..<max(a, b)).contains { tokens[$0].key == ";" }
        }
        if negated { return .denied }
        if cueHits.contains(where: { $0.section == "denied" && $0.range.lowerBound < trigger
            && trigger - $0.range.upperBound <= 20 && sameClause($0.range.lowerBound, trigger) }) {
            return .denied
        }
        if cueHits.contains(where: { $0.section == "possible" && $0.range.lowerBound < trigger
            && trigger - $0.range.upperBound <= 10 && sameClause($0.range.lowerBound, trigger) }) {
            return .possible
        }
        for cue in cueHits where cue.section == "reported" {
            let words = cue.range.map { tokens[$0].key }.joined(separator: " ")
            if Self.speakerCues.contains(words) {
                // An actor's own statement about its own act is asserted.
                if let speaker = speaker(of: cue), parties.contains(speaker) { continue }
            } else if words == "according to" {
                if let (m, _) = mention(afterPreposition: ["to"], from: cue.range.upperBound - 1, within: 1),
                   parties.contains(mentions[m].actor) { continue }
            }
            return .reported
        }
        return .asserted
    }

    /// Who says something: the nearest mention before a speech verb, or right after it ("said X").
    func speaker(of cue: CueHit) -> ActorID? {
        var k = cue.range.lowerBound - 1
        var steps = 0
        while k >= 0, steps < 6 {
            if let m = owner[k] { return mentions[m].actor }
            if tokens[k].key == "." || tokens[k].key == ";" { break }
            k -= 1
            steps += 1
        }
        let after = cue.range.upperBound
        if after < tokens.count, let m = owner[after] { return mentions[m].actor }
        return nil
    }
}
