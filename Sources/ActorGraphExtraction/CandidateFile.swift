import ActorGraphCore
import ActorGraphFormats
import Foundation

/// Review state of a candidate.
public enum CandidateStatus: String, Sendable, CaseIterable {
    case pending, accepted, rejected
}

/// The candidate-only fields of a relation in a candidates file. They live in the relation's
/// `notes`, as one line the graph file reader accepts unchanged:
/// `candidate; confidence 0.8; rule verb-active:praise; sentence 3; status accepted; reviewer ana; reviewedAt 2024-06-12T10:00:00Z; comment free text`
/// (docs/DECISIONS.md, "Candidates are a graph file").
public struct CandidateInfo: Sendable, Equatable {
    public var confidence: Double
    public var rule: String
    public var sentence: Int?
    public var status: CandidateStatus
    public var reviewer: String?
    public var reviewedAt: String?
    /// Free text; always the last field, so it may hold anything but a line break.
    public var comment: String?

    public init(confidence: Double, rule: String, sentence: Int? = nil, status: CandidateStatus = .pending,
                reviewer: String? = nil, reviewedAt: String? = nil, comment: String? = nil) {
        self.confidence = confidence
        self.rule = rule
        self.sentence = sentence
        self.status = status
        self.reviewer = reviewer
        self.reviewedAt = reviewedAt
        self.comment = comment
    }

    public static let prefix = "candidate"

    /// The notes line.
    public var notes: String {
        func clean(_ s: String) -> String { TextFolding.singleLine(s).replacingOccurrences(of: ";", with: ",") }
        var parts = [Self.prefix, "confidence \(formatNumber(confidence))", "rule \(clean(rule))"]
        if let sentence { parts.append("sentence \(sentence)") }
        parts.append("status \(status.rawValue)")
        if let reviewer { parts.append("reviewer \(clean(reviewer))") }
        if let reviewedAt { parts.append("reviewedAt \(clean(reviewedAt))") }
        if let comment { parts.append("comment " + TextFolding.singleLine(comment)) }
        return parts.joined(separator: "; ")
    }

    /// Reads a notes line; nil when the notes are not a candidate's.
    public init?(notes: String?) {
        guard let notes, notes.hasPrefix(Self.prefix + ";") else { return nil }
        var rest = Substring(notes.dropFirst(Self.prefix.count + 1))
        var fields: [String: String] = [:]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            if rest.hasPrefix("comment ") {
                fields["comment"] = String(rest.dropFirst("comment ".count))
                break
            }
            let end = rest.range(of: "; ")?.lowerBound ?? rest.endIndex
            let field = rest[..<end]
            if let space = field.firstIndex(of: " ") {
                fields[String(field[..<space])] = String(field[field.index(after: space)...])
            }
            rest = end == rest.endIndex ? "" : rest[rest.index(end, offsetBy: 2)...]
        }
        guard let confidence = fields["confidence"].flatMap(Double.init), let rule = fields["rule"],
              let status = fields["status"].flatMap(CandidateStatus.init(rawValue:)) else { return nil }
        self.init(confidence: confidence, rule: rule, sentence: fields["sentence"].flatMap { Int($0) },
                  status: status, reviewer: fields["reviewer"], reviewedAt: fields["reviewedAt"],
                  comment: fields["comment"])
    }
}

/// Marks a proposed actor in a candidates file: its notes start with `proposed;` and its id
/// with `new-`.
public enum ProposedMark {
    public static let prefix = "proposed"
    public static let idPrefix = "new-"

    public static func notes(rule: String) -> String { "\(prefix); found by \(rule)" }

    public static func isProposed(_ actor: ActorNode) -> Bool {
        actor.notes?.hasPrefix(prefix + ";") ?? false
    }
}

/// Builds the candidates file: a graph file whose relations are the candidates.
public enum CandidateFile {
    /// The candidates graph for extracted articles.
    ///
    /// - Parameters:
    ///   - dictionary: the graph whose actors were looked for; all its actors are included (so
    ///     `memberOf` stays valid and merge finds them), its relations are not.
    ///   - articles: each article's document entry (path relative to the folder the output's
    ///     corpus will be computed from) and its extraction.
    public static func graph(dictionary: ActorGraph, articles: [(Document, ExtractionResult)],
                             title: String? = nil) -> ActorGraph {
        var graph = ActorGraph(title: title ?? "Candidate relations extracted by actorgraph extract",
                               description: "Review with `actorgraph review`, then `actorgraph merge`. "
                                   + "Candidate fields are in each relation's notes; proposed actors have ids starting new-.")
        graph.actors = dictionary.actors
        var known = Set(dictionary.actors.map(\.id))
        for (document, result) in articles {
            graph.documents.append(document)
            for p in result.proposals where known.insert(p.id).inserted {
                graph.actors.append(ActorNode(id: p.id, name: p.name, kind: p.kind, country: p.country,
                                              notes: ProposedMark.notes(rule: p.rule)))
            }
            let width = max(4, String(result.candidates.count).count)
            for (index, c) in result.candidates.enumerated() {
                let number = String(index + 1)
                let id = RelationID("cand-\(document.id.rawValue)-" + String(repeating: "0", count: width - number.count) + number)
                let info = CandidateInfo(confidence: c.confidence, rule: c.rule, sentence: c.sentence)
                graph.relations.append(Relation(
                    id: id, source: c.source, target: c.target, type: c.type, label: c.label, date: c.date,
                    modality: c.modality, evidence: [Evidence(document: c.document, quote: c.quote)],
                    notes: info.notes))
            }
        }
        return graph
    }
}

/// Relative paths between absolute folders and files (lexical).
public enum RelativePath {
    /// The path of `file` from `folder`, climbing with `..` where needed.
    public static func from(_ folder: URL, to file: URL) -> String {
        let a = folder.standardizedFileURL.pathComponents.filter { $0 != "/" }
        let b = file.standardizedFileURL.pathComponents.filter { $0 != "/" }
        var common = 0
        while common < a.count, common < b.count - 1, a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: a.count - common)
        return (up + b[common...]).joined(separator: "/")
    }
}
