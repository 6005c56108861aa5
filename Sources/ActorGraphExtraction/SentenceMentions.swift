import ActorGraphCore
import Foundation

/// The actors the extractor recognised in one sentence: what any rule over that sentence can
/// relate. Used to measure how much of a gold standard a sentence-level extractor can reach.
public struct SentenceMentions: Sendable {
    /// The sentence, verbatim.
    public var text: String
    /// Actors named, titled, described or referred to (pronouns resolved), acting parties and
    /// places alike, plus the dateline's state; in order of first appearance.
    public var actors: [ActorID]

    /// The actors of a sentence as read: its mentions' actors, then the dateline's state.
    public init(_ sentence: SentenceAnalysis) {
        text = sentence.text
        actors = []
        for a in sentence.mentions.map(\.actor) + [sentence.dateline].compactMap({ $0 }) where !actors.contains(a) {
            actors.append(a)
        }
    }
}

extension Extractor {
    /// Runs the pipeline over `text` and reports, per sentence, the actors it recognised.
    ///
    /// - Complexity: that of `extract(text:document:date:)`.
    public func sentenceMentions(text: String, document: DocumentID, date: PartialDate? = nil) -> [SentenceMentions] {
        analyse(text: text, document: document, date: date).map(SentenceMentions.init)
    }
}

/// One sentence as the extractor read it: tokens, mentions, triggers and the candidates its
/// rules produced (for diagnosis and for learning from gold standards).
public struct SentenceAnalysis: Sendable {
    public struct Span: Sendable {
        public var actor: ActorID
        public var range: Range<Int>
        public var isLocation: Bool
        public var kind: ActorKind
        public var rule: String
    }
    public struct TriggerSpan: Sendable {
        public var type: RelationType
        public var form: String
        public var range: Range<Int>
    }
    public var text: String
    /// Folded tokens.
    public var tokens: [String]
    public var mentions: [Span]
    public var triggers: [TriggerSpan]
    public var candidates: [Candidate]
    /// The dateline's state, once found (it may host, or be the place of, what follows).
    public var dateline: ActorID?
}

extension Extractor {
    /// Runs the pipeline over `text` and reports every sentence as it was read.
    ///
    /// - Complexity: that of `extract(text:document:date:)`.
    public func analyse(text: String, document: DocumentID, date: PartialDate? = nil) -> [SentenceAnalysis] {
        let articleDate = date ?? DateResolver.articleDate(in: text)
        var run = Run(extractor: self, text: text, document: document, articleDate: articleDate)
        var result: [SentenceAnalysis] = []
        for (index, range) in SentenceSplitter.sentences(in: text).enumerated() {
            let before = run.candidates.count
            run.sentence(index, range)
            let triggers = run.findTriggers().map {
                SentenceAnalysis.TriggerSpan(type: $0.trigger.type, form: "\($0.trigger.form)", range: $0.range)
            }
            result.append(SentenceAnalysis(
                text: String(text[range]), tokens: run.tokens.map(\.key),
                mentions: run.mentions.map {
                    SentenceAnalysis.Span(actor: $0.actor, range: $0.range, isLocation: $0.isLocation, kind: $0.kind, rule: $0.rule.rawValue)
                },
                triggers: triggers, candidates: Array(run.candidates[before...]), dateline: run.datelineActor))
        }
        return result
    }
}
