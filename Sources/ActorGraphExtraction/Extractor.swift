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
    /// Head nouns for an actor's people or assets ("positions", "fighters"): after a nationality
    /// or a group's name used as an adjective, the phrase stands for the actor.
    var assetNouns: [String: [[String]]] = [:]
    /// The same for armed people and assets ("positions", "troops"): a state's armed forces.
    var armedNouns: [String: [[String]]] = [:]
    var agentNouns: Set<String> = []
    /// "described", "branded": verbs that characterise their object; the nouns that make the
    /// characterisation friendly ("a strategic partner") or hostile ("a terrorist organisation").
    var characterisingVerbs: Set<String> = []
    var friendNouns: Set<String> = []
    var foeNouns: Set<String> = []
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
        // Nouns for an actor's people and assets, with their plurals ("delegation", "delegations").
        func withPlurals(_ section: String) -> [[String]] {
            var result: [[String]] = []
            var seen: Set<[String]> = []
            for words in lexicon.cueList(section) where !words.isEmpty {
                for w in [words, words.dropLast() + [Self.plural(words.last!)]] where seen.insert(w).inserted { result.append(w) }
            }
            return result
        }
        for words in withPlurals("government-nouns") { governmentNouns[words[0], default: []].append(words) }
        for words in withPlurals("actor-assets") { assetNouns[words[0], default: []].append(words) }
        for words in withPlurals("armed-assets") { armedNouns[words[0], default: []].append(words) }
        for words in lexicon.cueList("person-titles") where !words.isEmpty { titles[words[0], default: []].append(words) }
        agentNouns = Set(lexicon.cueList("agent-nouns").compactMap(\.last))
        characterisingVerbs = Set(lexicon.cueList("characterising-verbs").compactMap(\.first))
        friendNouns = Set(withPlurals("friend-nouns").compactMap(\.last))
        foeNouns = Set(withPlurals("foe-nouns").compactMap(\.last))
        for (words, kinds) in lexicon.anaphora { anaphora[words[0], default: []].append((words, kinds)) }
    }

    /// The regular English plural of a noun ("delegation" → "delegations", "spokesman" →
    /// "spokesmen", "embassy" → "embassies"); a word already ending in "s" is kept.
    static func plural(_ word: String) -> String {
        if word.hasSuffix("s") || word == "police" || word == "military" || word == "intelligence" { return word }
        if word.hasSuffix("man") { return String(word.dropLast(3)) + "men" }
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) { return String(word.dropLast()) + "ies" }
        if word.hasSuffix("sh") || word.hasSuffix("ch") || word.hasSuffix("x") { return word + "es" }
        return word + "s"
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
    /// The state of the dateline ("HAVANA, March 3 -"), when the graph has it.
    var datelineActor: ActorID?
    /// Mentions of the previous sentences (most recent last), for anaphora.
    var history: [(sentence: Int, actor: ActorID, kind: ActorKind)] = []

    // Per sentence
    var tokens: [Token] = []
    var mentions: [Mention] = []
    var owner: [Int?] = []
    var cueHits: [CueHit] = []
    /// Subjects inherited by objects of earlier verbs: object mention → subject mentions.
    var objectOf: [Int: [Int]] = [:]
    /// "the two sides": the mention of one side → the (range-less) mention of the other.
    var pairIndex: [Int: Int] = [:]
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
    static let relativePronouns: Set<String> = ["which", "who", "whom"]
    /// Words that open a subordinate clause or an adjunct after a verb phrase ("as", "while").
    static let subordinators: Set<String> = ["as", "while", "after", "when", "amid", "over", "for", "since", "because"]
    /// Determiners between a coordinator and the next conjunct: "X and the Y", "X and its Y".
    static let coordinatedDeterminers: Set<String> = ["the", "his", "her", "its", "their"]
    /// Words that may stand between a relative pronoun or a subject and its verb.
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "is", "are", "was", "were", "been", "be", "will", "would", "could", "can", "may",
        "might", "should", "did", "does", "do", "also", "already", "long", "repeatedly", "reportedly", "allegedly",
        "previously", "recently", "since", "openly", "quietly", "now", "still", "often", "then", "later",
    ]
}
