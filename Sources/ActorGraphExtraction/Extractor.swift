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

/// Someone's reported words: the speaker, when an actor.
struct Attribution {
    var speaker: ActorID?
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
    /// Hosts of a meeting named as an event ("X hosted the talks", "a conference hosted by X"):
    /// they host the meeting's participants.
    var eventHosts: [(host: Mention, trigger: Range<Int>)] = []
    /// Reported speech that goes on into this sentence, with its speaker (nil: not an actor).
    var carriedAttribution: Attribution?
    /// The previous sentence: where it ended and whether it reported someone's words.
    var previousEnd: String.Index?
    var previousSpeech: Attribution?

    init(extractor: Extractor, text: String, document: DocumentID, articleDate: PartialDate?) {
        self.extractor = extractor
        self.text = text
        self.document = document
        self.articleDate = articleDate
        self.dictionary = extractor.dictionary
    }

    static let locationPrepositions: Set<String> = [
        "in", "at", "into", "inside", "within", "near", "across", "throughout", "outside",
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
        eventHosts = []
        // "X said that … . Because …, Y …": a sentence in the same paragraph that opens with a
        // connective, and has no speech cue of its own, goes on with the previous one's speech.
        carriedAttribution = nil
        let sameParagraph = previousEnd.map { !text[$0..<range.lowerBound].contains(where: \.isNewline) } ?? false
        let ownSpeech = cueHits.contains { $0.section == "reported" }
        if sameParagraph, !ownSpeech, let previous = previousSpeech, let first = tokens.first,
           Self.continuations.contains(first.key) || ["\"", "\u{201C}"].contains(first.key) {
            carriedAttribution = previous
        }
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
        found += implied(sentence: index, date: date, quote: quote)
        // "X and Y held talks at a conference hosted by Z", "Z, which hosted the meeting": Z hosts
        // the participants of the meetings of this sentence or the one before.
        if !eventHosts.isEmpty {
            var meetings = found.filter { $0.type == .meets }
            if meetings.isEmpty {
                meetings = candidates.filter { $0.type == .meets && $0.sentence == index - 1 && $0.document == document }
            }
            var participants: [ActorID] = []
            for c in meetings { for a in [c.source, c.target] where !participants.contains(a) { participants.append(a) } }
            for (host, trigger) in eventHosts {
                for guest in participants where guest != host.actor {
                    if let a = country(of: host.actor), a == country(of: guest) { continue }
                    let label = String(text[tokens[trigger.lowerBound].range.lowerBound..<tokens[trigger.upperBound - 1].range.upperBound])
                    var confidence = 0.6 * host.certainty
                    if index < 4 { confidence += 0.05 }
                    found.append(Candidate(source: host.actor, target: guest, type: .hosts,
                                           modality: modality(trigger: trigger.lowerBound, negated: isNegated(before: trigger.lowerBound),
                                                              parties: [host.actor, guest]),
                                           date: date, label: label, quote: quote, document: document,
                                           confidence: (confidence * 100).rounded() / 100, rule: "event-host", sentence: index))
                }
            }
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
        previousEnd = range.upperBound
        previousSpeech = nil
        for cue in cueHits where cue.section == "reported" {
            let words = cue.range.map { tokens[$0].key }.joined(separator: " ")
            if Self.speakerCues.contains(words) { previousSpeech = Attribution(speaker: speaker(of: cue)); break }
        }
        if previousSpeech == nil, let carried = carriedAttribution { previousSpeech = carried }
        if history.count > 64 { history.removeFirst(history.count - 64) }
    }

    // MARK: Mentions

    mutating func addMention(_ m: Mention) {
        guard m.range.allSatisfy({ owner[$0] == nil }) else { return }
        for k in m.range { owner[k] = mentions.count }
        mentions.append(m)
    }

    func previousKey(_ i: Int) -> String { i > 0 ? tokens[i - 1].key : "" }

    /// Whether the mention starting at `i` names a place: after "in", "at", "from"…; for a
    /// nationality with a government noun also with "the" between ("in the Iraqi state").
    func isPlace(_ i: Int, throughThe: Bool = false) -> Bool {
        var k = i - 1
        if throughThe, k >= 0, tokens[k].key == "the" { k -= 1 }
        return k >= 0 && Self.locationPrepositions.contains(tokens[k].key)
    }

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
                let isLocation = k == .government && isPlace(i)
                let isSurname = dictionary.byFirst[tokens[i].key]?.first { $0.actor == actor && $0.words.count == length }?.rule == .surname
                // A person's title and nationality belong to the mention: "Iraqi Prime Minister X".
                let start = k == .person ? titleStart(before: i) : i
                addMention(Mention(actor: actor, range: start..<(i + length), rule: isSurname ? .surname : .name,
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
                    // "the Iraqi prime minister": the one person holding that role in the government.
                    if chain.count == 1, let titleLength = CueIndex.longest(extractor.cues.titles, tokens, at: k),
                       !(k + titleLength < n && tokens[k + titleLength].isCapitalized && tokens[k + titleLength].kind == .word) {
                        let government = dictionary.stateActor(entry.code, proposals: &proposals)
                        if let person = dictionary.holder(of: government, role: tokens[k..<(k + titleLength)].map(\.key)) {
                            addMention(Mention(actor: person, range: i..<(k + titleLength), rule: .role, isLocation: false,
                                               kind: .person, certainty: 0.85))
                            i = k + titleLength
                            continue
                        }
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
                                                   isLocation: index == 0 && isPlace(link.0, throughThe: true), kind: .government, certainty: 0.9))
                            }
                            i = after
                            continue
                        }
                    }
                    // "pro-Iranian", "anti-American", "Iranian-funded": the adjective names the state.
                    if Self.compoundPrefix(tokens, at: i) || (i + length < n && tokens[i + length].hyphenBefore
                                                              && tokens[i + length].key.hasSuffix("ed")) {
                        let actor = dictionary.stateActor(entry.code, proposals: &proposals)
                        addMention(Mention(actor: actor, range: i..<(i + length), rule: .adjective, isLocation: false,
                                           kind: .government, certainty: 0.85))
                    }
                    i += length
                    continue
                }
                // A state or capital named; not when it starts a longer proper name ("Tehran Times").
                let after = i + length
                let startsName = !Self.compoundPrefix(tokens, at: i) && after < n && tokens[after].kind == .word && tokens[after].isCapitalized
                    && !tokens[after].hyphenBefore && dictionary.matchActor(tokens, at: after) == nil
                    && dictionary.matchState(tokens, at: after) == nil
                    && !Self.locationPrepositions.contains(previousKey(i))
                if !startsName {
                    let actor = dictionary.stateActor(entry.code, proposals: &proposals)
                    addMention(Mention(actor: actor, range: i..<after, rule: entry.isCapital ? .capital : .state,
                                       isLocation: isPlace(i),
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
                if i > 0, let (_, e) = dictionary.matchState(tokens, at: i - 1), e.isAdjective, !e.code.hasPrefix("actor:") { country = e.code }
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
                    if let (_, e) = dictionary.matchState(tokens, at: start), e.isAdjective, !e.code.hasPrefix("actor:") { country = e.code }
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
            // "the front", "the brigades": an actor whose name has that head word comes first.
            let head = words.count >= 2 ? words.last! : nil
            func named(_ actor: ActorID) -> Bool {
                guard let head else { return false }
                return dictionary.nameWords[actor]?.contains(head) ?? (proposals[actor].map { Token.words($0.name).contains(head) } ?? false)
            }
            // "During his visit to X, Prime Minister Y said…": the pronoun points forward.
            if words.count == 1, before.isEmpty, n > 0, Self.prepositions.contains(tokens[0].key) || tokens[0].key == "during"
                || tokens[0].key == "while" || tokens[0].key == "following" || tokens[0].key == "upon",
               let comma = (i..<n).first(where: { tokens[$0].key == "," }),
               let next = mentions.filter({ $0.range.lowerBound > comma && !$0.isLocation }).min(by: { $0.range.lowerBound < $1.range.lowerBound }),
               kinds.contains(next.kind) {
                resolved = (next.actor, next.kind)
            } else if let m = before.last(where: { kinds.contains($0.kind) && named($0.actor) }) {
                resolved = (m.actor, m.kind)
            } else if let h = history.last(where: { kinds.contains($0.kind) && named($0.actor) && sentenceIndex - $0.sentence <= 3 }) {
                resolved = (h.actor, h.kind)
            } else if let m = before.last(where: { kinds.contains($0.kind) }) {
                resolved = (m.actor, m.kind)
            } else if let h = history.last(where: { kinds.contains($0.kind) && sentenceIndex - $0.sentence <= 3 }) {
                resolved = (h.actor, h.kind)
            }
            if let (actor, kind) = resolved {
                pending.append(Mention(actor: actor, range: range, rule: .anaphora, isLocation: false, kind: kind, certainty: 0.75))
            }
        }
        for m in pending { addMention(m) }
        // 5. "the group's leader", "Dalmora's foreign minister": the one person holding that role.
        for i in 1..<max(1, n) where tokens[i].kind == .possessive {
            guard let m = owner[i - 1] else { continue }
            var k = i + 1
            if k < n, ["new", "former", "top", "senior", "own"].contains(tokens[k].key) { k += 1 }
            guard let l = CueIndex.longest(extractor.cues.titles, tokens, at: k), (k..<(k + l)).allSatisfy({ owner[$0] == nil }),
                  !(k + l < n && tokens[k + l].isCapitalized && tokens[k + l].kind == .word),
                  let person = dictionary.holder(of: mentions[m].actor, role: tokens[k..<(k + l)].map(\.key)) else { continue }
            addMention(Mention(actor: person, range: k..<(k + l), rule: .role, isLocation: false, kind: .person,
                               certainty: 0.8 * mentions[m].certainty))
        }
    }

    /// Whether token `i` follows "pro-" or "anti-".
    static func compoundPrefix(_ tokens: [Token], at i: Int) -> Bool {
        i > 0 && tokens[i].hyphenBefore && (tokens[i - 1].key == "pro" || tokens[i - 1].key == "anti")
    }

    /// Where a person's mention starts when a title, and a nationality before it, precede the
    /// name ("Iraqi Prime Minister X", "former president X"): the title joins the mention.
    func titleStart(before i: Int) -> Int {
        var best = i
        for s in stride(from: i - 1, through: max(0, i - 4), by: -1) where owner[s] == nil {
            if let l = CueIndex.longest(extractor.cues.titles, tokens, at: s), s + l == i,
               (s..<i).allSatisfy({ owner[$0] == nil }) {
                best = s
            }
        }
        guard best < i else { return i }
        var k = best - 1
        if k >= 0, ["former", "deputy", "acting", "then", "new", "senior"].contains(tokens[k].key), owner[k] == nil { best = k; k -= 1 }
        if k >= 0, owner[k] == nil, let (l, e) = dictionary.matchState(tokens, at: k), e.isAdjective, k + l == best { best = k }
        return best
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
            var ends: [Int: Int] = [:] // match index → end token
            for v in variants {
                if let end = phraseEnd(v.words, at: i) {
                    ends[matches.count] = end
                    matches.append((v, extractor.lexicon.triggers[v.trigger]))
                }
            }
            guard !matches.isEmpty else { i += 1; continue }
            let compound = tokens[i].hyphenBefore && i > 0 && owner[i - 1] != nil
            // A verb needs a subject before it: with no actor named yet, "Attacks on X…" is a noun.
            let nounContext = (i > 0 && (Self.determiners.contains(tokens[i - 1].key) || tokens[i - 1].kind == .possessive
                                         || (Self.prepositions.contains(tokens[i - 1].key) && tokens[i - 1].key != "to")))
                || !(0..<i).contains { owner[$0] != nil }
                || (i > 0 && owner[i - 1] == nil && tokens[i - 1].isCapitalized
                    && dictionary.matchState(tokens, at: i - 1).map { $0.1.isAdjective && $0.0 == 1 } == true)
            let hasNoun = matches.contains { $0.1.form != .verb && $0.1.form != .adjective }
            let verbs = matches.filter { $0.1.form == .verb || $0.1.form == .adjective }
            var chosen: [(Lexicon.Variant, Lexicon.Trigger)]
            if compound {
                chosen = verbs.filter { $0.0.isParticiple }
            } else if !verbs.isEmpty && (!hasNoun || !nounContext) {
                chosen = verbs
                // A base-form or -s verb right after a determiner is a noun ("the attack", "the back").
                if nounContext && verbs.allSatisfy({ !$0.0.isParticiple && $0.1.form == .verb }) { chosen = [] }
                // A plural right before "from" is a noun: "accepted demands from X".
                if i + 1 < n, tokens[i + 1].key == "from", verbs.allSatisfy({ !$0.0.isParticiple && !$0.0.isBase }),
                   hasNoun {
                    chosen = matches.filter { $0.1.form != .verb && $0.1.form != .adjective }
                }
            } else {
                chosen = matches.filter { $0.1.form != .verb && $0.1.form != .adjective }
            }
            // The longest phrase per type.
            func length(_ m: (Lexicon.Variant, Lexicon.Trigger)) -> Int {
                let index = matches.firstIndex { $0.0.trigger == m.0.trigger && $0.0.words == m.0.words }!
                return ends[index]! - i
            }
            var perType: [RelationType: (Lexicon.Variant, Lexicon.Trigger)] = [:]
            for m in chosen where perType[m.1.type].map({ length(m) > length($0) }) ?? true { perType[m.1.type] = m }
            var longest = 1
            for (_, m) in perType.sorted(by: { $0.key < $1.key }) {
                let l = length(m)
                hits.append(TriggerHit(trigger: m.1, range: i..<(i + l), isParticiple: m.0.isParticiple,
                                       reciprocalOnly: m.0.reciprocalOnly))
                longest = max(longest, l)
            }
            i += longest
        }
        return hits
    }

    /// Words a lexicon phrase may have between its words: "signed a new trade agreement with",
    /// "established diplomatic ties with". Articles in a phrase are optional and interchangeable.
    static let phraseFillers: Set<String> = [
        "a", "an", "the", "its", "their", "his", "her", "new", "formal", "full", "diplomatic", "bilateral",
        "economic", "military", "trade", "security", "peace", "landmark", "historic", "fresh", "further",
        "direct", "official", "political", "financial", "humanitarian", "first", "second", "several",
        "two", "three", "series", "of", "wave", "string", "strategic", "defence", "defense", "cooperation",
        "friendship", "warm", "lengthy", "long", "brief", "rare", "renewed", "separate", "high-level",
        // aid in kind: "received weapons and training from X"
        "and", "arms", "weapons", "training", "money", "funds", "funding", "equipment", "ammunition", "aid",
        "support", "assistance",
    ]
    static let articles: Set<String> = ["a", "an", "the"]

    /// Where a lexicon phrase starting at token `i` ends, if it is there: later words may follow
    /// up to two fillers each, and an article in the phrase may be missing or another article.
    func phraseEnd(_ words: [String], at i: Int) -> Int? {
        let n = tokens.count
        var k = i + 1
        for w in words.dropFirst() {
            if Self.articles.contains(w) {
                if k < n, Self.articles.contains(tokens[k].key), owner[k] == nil { k += 1 }
                continue
            }
            var skipped = 0
            while k < n, tokens[k].key != w, skipped < 2, owner[k] == nil, Self.phraseFillers.contains(tokens[k].key) {
                k += 1
                skipped += 1
            }
            guard k < n, tokens[k].key == w, owner[k] == nil else { return nil }
            k += 1
        }
        return k
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
                if canBeSubject(m) {
                    let group = coordinated(m)
                    // "countries such as X and Y": examples, not the clause's subject.
                    let first = mentions[group[0]].range.lowerBound
                    if first > 0, ["as", "like", "including"].contains(tokens[first - 1].key) {
                        k = first - 1
                        steps += 1
                        continue
                    }
                    return group
                }
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
    func objects(after start: Int, window: Int = 8, allowLocation: Bool = false, fromIsSource: Bool = true) -> (mentions: [Int], distance: Int) {
        var k = start
        let n = tokens.count
        while k < n && k < start + window {
            if var m = owner[k] {
                if mentions[m].isLocation && !allowLocation { k = mentions[m].range.upperBound; continue }
                // "received weapons from X": X is where it came from, not the object.
                if fromIsSource, previousKey(k) == "from" || (previousKey(k) == "the" && k > 1 && tokens[k - 2].key == "from") {
                    break
                }
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
            // "denounced as a crime X's …": "as" right after the verb does not end the object.
            if Self.targetBoundaries.contains(tokens[k].key), !(k == start && tokens[k].key == "as") { break }
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
        case .verb, .adjective:
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
            } else if hit.isParticiple && (beBefore || (byAgent != nil && end < tokens.count && tokens[end].key == "by")) {
                guard let (agent, byAt) = byAgent else { break }
                var before = start - 1
                if before >= 0, tokens[before].key == "," { before -= 1 }
                if t.type == .hosts, !t.reverse, !beBefore, before >= 0, owner[before] == nil,
                   (max(0, start - 12)..<start).reversed().prefix(while: { ![";", ".", "(", ")"].contains(tokens[$0].key) })
                    .contains(where: { Self.eventNouns.contains(tokens[$0].key) }) {
                    // "the Conference … hosted by X", "a summit hosted by X"
                    eventHosts.append((mentions[agent], hit.range))
                    break
                }
                // "Y, backed by X": without a form of "be", Y must come right before the participle.
                var patients = subjects(before: start)
                if patients.isEmpty, beBefore {
                    // "A camp for X refugees was attacked by Y": the nearest mention in the subject.
                    if let m = (max(0, start - 8)..<start).reversed().compactMap({ owner[$0] }).first, !mentions[m].isLocation {
                        patients = [m]
                    }
                }
                if !beBefore {
                    var k = start - 1
                    if k >= 0, tokens[k].key == "," { k -= 1 }
                    if k >= 0, owner[k] != nil {
                        patients = patients.filter { mentions[$0].range.upperBound == k + 1 || owner[k] == $0 }
                    } else if let head = appositionHead(before: start) {
                        // "Y, a militia backed by X"
                        patients = [head]
                    } else {
                        patients = []
                    }
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
                let sources = t.form == .adjective ? predicateSubject(before: start) : subjects(before: start)
                // "X hosted the talks": the talks' participants are the guests.
                if t.type == .hosts, !t.reverse, let host = sources.first,
                   let noun = (end..<min(tokens.count, end + 4)).first(where: { !Self.phraseFillers.contains(tokens[$0].key) }),
                   owner[noun] == nil, Self.eventNouns.contains(tokens[noun].key) {
                    eventHosts.append((mentions[host], hit.range))
                    break
                }
                // "X threatened (on Monday) to resume attacks in Y": the threat's target is in the
                // infinitive's clause, places included.
                let infinitive = t.type == .opposes && t.words.last != "to"
                    && (end..<min(tokens.count, end + 3)).contains { tokens[$0].key == "to" && $0 + 1 < tokens.count && owner[$0 + 1] == nil }
                    && Self.threatVerbs.contains(t.words[0])
                let allowLocation = t.type == .hosts || t.reverse || lemma == "visit" || infinitive
                var (targets, distance) = objects(after: end, window: infinitive ? 14 : 8, allowLocation: allowLocation,
                                                   fromIsSource: t.type != .opposes && t.words.last != "from")
                var construction = t.form == .adjective ? "adjective" : "verb-active"
                // "X demanded (on Friday) that Y …": the clause's subject is the target.
                if targets.isEmpty, t.type == .opposes || t.type == .supports,
                   let that = (end..<min(tokens.count, end + 4)).first(where: { tokens[$0].key == "that" }),
                   !(end..<that).contains(where: { owner[$0] != nil || tokens[$0].kind == .punctuation }) {
                    (targets, distance) = objects(after: that + 1, window: 4)
                    construction = "verb-that"
                }
                for s in sources { for o in targets { pairs.append((s, o, construction, construction == "verb-that" ? 0.65 : 0.8, distance)) } }
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
            let withWords: Set<String> = ["with", "under"]
            var withOf = false
            for k in max(0, start - 4)..<start where withWords.contains(tokens[k].key) { withOf = true }
            if withOf, !endsInPreposition, let (agent, _) = mention(afterPreposition: ["of", "from"], from: end, within: 1) {
                let withAt = (max(0, start - 4)..<start).last { withWords.contains(tokens[$0].key) }!
                // "Y, a group under the umbrella of X": the apposition's head; else the clause's subject.
                let patients = appositionHead(before: withAt).map { [$0] } ?? subjects(before: withAt)
                for patient in patients { pairs.append((agent, patient, "noun-with", 0.7, 0)) }
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
                    // "support of the struggle against X": X is not supported.
                    if t.type == .supports, patient == nil, prepBefore == "against" { break }
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
                // "attacks by A, B and C", "attacks by X, … such as A and B": each is an agent.
                for a in listed(from: agent) { pairs.append((a, target, "noun-agent", 0.7, distance)) }
            } else if let owner = possessor(before: start) {
                pairs.append((owner, target, "noun-possessive", 0.7, distance))
            } else {
                for s in subjects(before: start, limit: 12) { pairs.append((s, target, "noun-subject", 0.55, distance)) }
            }
        case .role:
            // "X's proxy Y", "Y, X's proxy", "Y, an ally of X", "Y is a proxy of X".
            var holder: Int?, named: Int?
            if let x = possessor(before: start) {
                holder = x
                var k = end
                if k < tokens.count, tokens[k].key == "," { k += 1 }
                if k < tokens.count, tokens[k].key == "the", owner[k] == nil { k += 1 }
                if k < tokens.count, let y = owner[k], !mentions[y].isLocation { named = y }
                let before = mentions[x].range.lowerBound
                if named == nil, before >= 2, tokens[before - 1].key == ",", let y = owner[before - 2], !mentions[y].isLocation {
                    named = y
                }
                if named == nil { named = appositionHead(before: before) }
            } else if let (x, _) = mention(afterPreposition: ["of", "to"], from: end, within: 1, allowLocation: false) {
                holder = x
                named = appositionHead(before: start)
            } else if start > 0, let x = owner[start - 1], !mentions[x].isLocation {
                // "Y, a key U.S. ally", "the Iranian proxy Y"
                holder = x
                if end < tokens.count, let y = owner[end], !mentions[y].isLocation { named = y }
                else { named = appositionHead(before: mentions[x].range.lowerBound) }
            }
            guard let holder, let named, holder != named else { break }
            pairs.append((holder, named, "role", 0.7, 0))
            if t.mutual { pairs.append((named, holder, "role", 0.65, 0)) }
        case .place:
            // "X opened an office in Y", "X, based in Y", "the office of X in Y": Y hosts X.
            let ofGuest = mention(afterPreposition: ["of", "for"], from: end, within: 1, allowLocation: false)
            var hostAt = mention(afterPreposition: ["in", "at"], from: end, within: 3)
            if hostAt == nil, let (g, _) = ofGuest {
                // "the representative of X (Y) in Z"
                var k = mentions[g].range.upperBound
                if k < tokens.count, tokens[k].key == "(" {
                    while k < tokens.count, tokens[k].key != ")", k < mentions[g].range.upperBound + 6 { k += 1 }
                    k += 1
                }
                hostAt = mention(afterPreposition: ["in", "at"], from: k, within: 2)
            }
            guard let (host, at) = hostAt else { break }
            var guests: [Int] = []
            if let (g, _) = ofGuest {
                guests = [g]
            } else if let g = possessor(before: start) {
                guests = [g]
            } else {
                guests = subjects(before: start, limit: 14)
            }
            for g in guests {
                // An actor's own office at home ("his office in Baghdad") is not a hosting.
                if let a = country(of: mentions[host].actor), a == country(of: mentions[g].actor) { continue }
                pairs.append((host, g, "place", 0.65, at - end))
            }
        }
        var result: [Candidate] = []
        let label = String(text[tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound])
        // "suspended aid to X": a supporting trigger governed by a reversal verb is opposition.
        // "cancelled talks with X" likewise; "lifted the blockade on X", "cancelled a visit to X"
        // (a hosting) propose nothing.
        let reversed = t.form != .role && cueHits.contains {
            $0.section == "reversal" && $0.range.upperBound <= start && start - $0.range.upperBound <= 4
                && !(($0.range.upperBound)..<start).contains { owner[$0] != nil || tokens[$0].key == "," }
        }
        if reversed && (t.type == .opposes || t.type == .hosts) { return [] }
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

    /// Relations carried by a modifier rather than a clause: "pro-X Y" (X supports Y), "anti-X
    /// Y" (Y opposes X), and names that hold one ("X-backed militias" as a graph name: X supports
    /// them; "pro-X militias" likewise).
    func implied(sentence: Int, date: PartialDate?, quote: String) -> [Candidate] {
        var result: [Candidate] = []
        func add(_ s: Mention, _ o: Mention, _ type: RelationType, _ rule: String, _ at: Int, _ label: Range<Int>) {
            guard s.actor != o.actor else { return }
            let modality = self.modality(trigger: at, negated: false, parties: [s.actor, o.actor])
            var confidence = 0.65 * min(s.certainty, o.certainty)
            if sentence < 4 { confidence += 0.05 }
            if [s.rule, o.rule].contains(where: { $0 == .pattern || $0 == .title }) { confidence -= 0.05 }
            confidence = (min(0.99, max(0.05, confidence)) * 100).rounded() / 100
            let text = String(self.text[tokens[label.lowerBound].range.lowerBound..<tokens[label.upperBound - 1].range.upperBound])
            result.append(Candidate(source: s.actor, target: o.actor, type: type, modality: modality, date: date,
                                    label: text, quote: quote, document: document, confidence: confidence,
                                    rule: rule, sentence: sentence))
        }
        for m in mentions where Self.compoundPrefix(tokens, at: m.range.lowerBound) {
            let pro = tokens[m.range.lowerBound - 1].key == "pro"
            var k = m.range.upperBound
            var modified: Mention?
            while k < tokens.count, k < m.range.upperBound + 4 {
                if let o = owner[k] { modified = mentions[o]; break }
                if tokens[k].kind != .word { break }
                k += 1
            }
            guard let y = modified, !y.isLocation else { continue }
            let label = (m.range.lowerBound - 1)..<m.range.upperBound
            if pro { add(m, y, .supports, "compound:pro", m.range.lowerBound, label) }
            else { add(y, m, .opposes, "compound:anti", m.range.lowerBound, label) }
        }
        // "X said (on Friday) (that) Y must …": a demand on Y (CAMEO 10, PLOVER DEMAND).
        for j in 1..<max(1, tokens.count) where tokens[j].key == "must" {
            guard let y = owner[j - 1], !mentions[y].isLocation else { continue }
            var k = mentions[coordinated(y)[0]].range.lowerBound - 1
            if k >= 0, tokens[k].key == "the" { k -= 1 }
            if k >= 0, tokens[k].key == "that" { k -= 1 }
            var skipped = 0
            while k >= 0, skipped < 3, owner[k] == nil, !Self.demandVerbs.contains(tokens[k].key),
                  tokens[k].kind == .word || tokens[k].kind == .number {
                k -= 1
                skipped += 1
            }
            guard k >= 0, Self.demandVerbs.contains(tokens[k].key) else { continue }
            for x in subjects(before: k) {
                for target in coordinated(y) {
                    add(mentions[x], mentions[target], .opposes, "demand-must", j, k..<(j + 1))
                }
            }
        }
        // Names holding a relation.
        for m in mentions where m.rule == .name && m.range.count >= 2 {
            var first = m.range.lowerBound
            if tokens[first].key == "the" { first += 1 }
            // (start of the holder's name, its end) within the mention.
            var span: Range<Int>?
            if tokens[first].key == "pro", first + 1 < m.range.upperBound, tokens[first + 1].hyphenBefore {
                let from = first + 1
                if let l = (1..<(m.range.upperBound - from)).reversed().first(where: { dictionary.matchActor(tokens, at: from, length: $0) != nil }) {
                    span = from..<(from + l)
                }
                else if let (l, _) = dictionary.matchState(tokens, at: from), from + l < m.range.upperBound { span = from..<(from + l) }
            } else {
                for p in (first + 1)..<m.range.upperBound where tokens[p].hyphenBefore {
                    let supporting = extractor.lexicon.variants[tokens[p].key]?.contains { v in
                        v.isParticiple && v.words.count == 1 && extractor.lexicon.triggers[v.trigger].form == .verb
                            && extractor.lexicon.triggers[v.trigger].type == .supports
                    } ?? false
                    guard supporting else { continue }
                    if dictionary.matchActor(tokens, at: first, length: p - first) != nil { span = first..<p }
                    else if let (l, _) = dictionary.matchState(tokens, at: first), first + l == p { span = first..<p }
                    break
                }
            }
            guard let span else { continue }
            var holder: ActorID?
            if let a = dictionary.matchActor(tokens, at: span.lowerBound, length: span.count) { holder = a }
            else if let (_, e) = dictionary.matchState(tokens, at: span.lowerBound) {
                holder = dictionary.knownStateActor(e.code)
            }
            // Only actors already known: a name never proposes a state of its own.
            guard let holder, holder != m.actor else { continue }
            let source = Mention(actor: holder, range: span, rule: .name, isLocation: false, kind: kind(of: holder), certainty: 0.9)
            add(source, m, .supports, "name-compound", m.range.lowerBound, m.range)
        }
        return result
    }

    /// The country an actor belongs to, from the graph or its proposal.
    func country(of actor: ActorID) -> String? {
        dictionary.countries[actor] ?? proposals[actor]?.country
    }

    /// The subject of a predicative phrase ("Y, loyal to X", "Y is close to X", "Y, seen as
    /// close to X"): the mention right before it, with at most a copula and a few words between.
    func predicateSubject(before i: Int) -> [Int] {
        let between: Set<String> = [
            ",", "is", "are", "was", "were", "be", "been", "being", "remains", "remain", "seen", "as", "considered",
            "very", "increasingly", "firmly", "long", "politically", "has", "have", "had", "also", "still", "now",
        ]
        var k = i - 1
        while k >= 0, k >= i - 5, owner[k] == nil, between.contains(tokens[k].key) { k -= 1 }
        guard k >= 0, let m = owner[k], !mentions[m].isLocation else { return [] }
        return coordinated(m)
    }

    /// The head of an apposition ending right before token `i`: "Y, a militia …", "Y, the
    /// country's main ally …", "Y is a proxy …", "Y as an ally …": Y, when the phrase between is
    /// an article and at most four more words.
    func appositionHead(before i: Int) -> Int? {
        var k = i - 1
        var words = 0
        var article = false
        while k >= 0, words <= 5 {
            let key = tokens[k].key
            if Self.articles.contains(key) || key == "one" { article = true; k -= 1; break }
            guard owner[k] == nil, tokens[k].kind == .word || tokens[k].kind == .possessive else { return nil }
            k -= 1
            words += 1
        }
        guard article, k >= 1 else { return nil }
        if tokens[k].key == "," || ["is", "was", "are", "were", "as", "remains", "became", "becomes"].contains(tokens[k].key) {
            k -= 1
        } else { return nil }
        guard k >= 0, let m = owner[k], !mentions[m].isLocation else { return nil }
        return m
    }

    /// A mention and those listed with it after it: "A, B and C", and a list introduced by
    /// "such as" or "including" within the same clause ("groups under X, such as A and B").
    func listed(from m: Int) -> [Int] {
        var result = [m]
        var j = mentions[m].range.upperBound
        let n = tokens.count
        func list(at start: Int) -> Int {
            var j = start
            while j + 1 < n, Self.coordination.contains(tokens[j].key) {
                var next = j + 1
                if tokens[next].key == "and" || tokens[next].key == "or" { next += 1 }
                if next < n, tokens[next].key == "the" { next += 1 }
                guard next < n, let other = owner[next], !mentions[other].isLocation else { break }
                if !result.contains(other) { result.append(other) }
                j = mentions[other].range.upperBound
            }
            return j
        }
        j = list(at: j)
        var k = j
        while k + 1 < n, k < j + 16 {
            let key = tokens[k].key
            if [";", ".", ":", "(", ")"].contains(key) || Self.clauseWords.contains(key) { break }
            if (key == "such" && tokens[k + 1].key == "as") || key == "including" {
                let first = key == "such" ? k + 2 : k + 1
                if first < n, let other = owner[first], !mentions[other].isLocation {
                    if !result.contains(other) { result.append(other) }
                    _ = list(at: mentions[other].range.upperBound)
                }
                break
            }
            k += 1
        }
        return result
    }
    /// Nouns for meetings as events ("hosted the talks", "a summit hosted by X").
    static let eventNouns: Set<String> = [
        "meeting", "meetings", "talks", "summit", "conference", "negotiations", "gathering", "forum", "event",
        "session", "round", "dialogue", "consultations",
    ]

    /// Speech verbs that make "Y must …" a demand on Y.
    static let demandVerbs: Set<String> = [
        "said", "says", "declared", "declares", "announced", "reiterated", "insisted", "insists", "stressed",
        "warned", "concluded", "told", "added", "demanded", "urged",
    ]

    /// Verbs whose infinitive complement names the target: "threatened to strike X".
    static let threatVerbs: Set<String> = ["threaten", "vow", "warn", "pledge", "promise", "swear", "plan"]
    static let clauseWords: Set<String> = ["said", "says", "but", "while", "which", "who", "that", "when", "after", "before"]

    mutating func objectOfRecord(_ object: Int, _ subjects: [Int]) {
        if objectOf[object] == nil, !subjects.isEmpty { objectOf[object] = subjects }
    }

    func isNegated(before start: Int) -> Bool {
        cueHits.contains { $0.section == "negation" && $0.range.upperBound <= start && start - $0.range.upperBound <= 2 }
    }

    // MARK: Modality

    /// Words that open a sentence going on with the previous one's argument.
    static let continuations: Set<String> = ["because", "so", "therefore", "thus", "hence", "moreover", "furthermore", "besides"]

    static let speakerCues: Set<String> = [
        "said", "says", "say", "told", "stated", "added", "noted", "claimed", "claims", "claim", "quoted",
        "reported", "reports",
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
            // "It should be noted that …" is the writer's own aside.
            if words == "noted", cue.range.lowerBound > 0, tokens[cue.range.lowerBound - 1].key == "be" { continue }
            // "The envoy of X in Y, Z, said …": the trigger inside the speaker's own phrase is the
            // writer's description, not the speech.
            if cue.range.lowerBound > trigger, Self.speakerCues.contains(words), let m = speakerMention(of: cue),
               mentions[m].range.lowerBound > trigger,
               !(trigger..<mentions[m].range.lowerBound).contains(where: { tokens[$0].key == "," && !isAppositionComma($0) }) {
                continue
            }
            // "X, backed by Y, reported that …": a speech verb after the trigger that opens a
            // clause of its own does not cover what came before it.
            if cue.range.lowerBound > trigger,
               (cue.range.upperBound..<min(tokens.count, cue.range.upperBound + 2)).contains(where: { tokens[$0].key == "that" }) {
                continue
            }
            if Self.speakerCues.contains(words) {
                // An actor's own statement about its own act is asserted.
                if let speaker = speaker(of: cue), parties.contains(speaker) { continue }
            } else if words == "according to" {
                if let (m, _) = mention(afterPreposition: ["to"], from: cue.range.upperBound - 1, within: 1),
                   parties.contains(mentions[m].actor) { continue }
            }
            return .reported
        }
        // Reported speech going on from the previous sentence ("X said that … . Because …").
        if let carried = carriedAttribution, !parties.contains(where: { carried.speaker == $0 }) { return .reported }
        return .asserted
    }

    /// A comma that opens or closes an apposition inside a subject ("X, the head of Y, said").
    func isAppositionComma(_ k: Int) -> Bool {
        k + 1 < tokens.count && (Self.articles.contains(tokens[k + 1].key) || owner[k + 1] != nil)
            && (k + 1..<min(tokens.count, k + 12)).contains { tokens[$0].key == "," }
    }

    /// Who says something: the nearest mention before a speech verb, or right after it ("said X").
    /// "X, the head of Y, said": X; an unresolved pronoun ("he noted") is someone unknown.
    func speaker(of cue: CueHit) -> ActorID? {
        speakerMention(of: cue).map { mentions[$0].actor }
    }

    func speakerMention(of cue: CueHit) -> Int? {
        var k = cue.range.lowerBound - 1
        var steps = 0
        if k >= 1, tokens[k].key == ",",
           let open = (max(0, k - 14)..<k).last(where: { tokens[$0].key == "," }), open > 0,
           let m = owner[open - 1] ?? (open > 1 ? owner[open - 2] : nil) {
            return m
        }
        while k >= 0, steps < 6 {
            if let m = owner[k] { return m }
            if ["he", "she", "they", "it", "we", "i", "who"].contains(tokens[k].key) { return nil }
            if tokens[k].key == "." || tokens[k].key == ";" { break }
            k -= 1
            steps += 1
        }
        let after = cue.range.upperBound
        if after < tokens.count, let m = owner[after] { return m }
        return nil
    }
}
