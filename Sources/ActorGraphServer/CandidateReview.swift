import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import Foundation
import Synchronization

/// Review of extraction candidates, against the candidates file of `actorgraph extract`
/// (docs/DECISIONS.md, "Reviewing candidates in serve"): a graph file whose relations are the
/// candidates, each with its evidence quote and document. A relation's review state lives in its
/// `notes` as the extraction's one-line record, `candidate; confidence 0.8; rule …; status
/// pending; …` (read and written by ActorGraphExtraction's `CandidateInfo`); a decision sets
/// `status` (and `reviewedAt`, `reviewer`), an edit changes the relation's type, direction or
/// modality, and the file is written again atomically (temporary file, rename). Relations whose
/// notes are not such a record get a minimal one (`candidate; status …; reviewedAt …`).
public final class CandidateReview: Sendable {
    public enum Status: String, Sendable, Codable, CaseIterable { case pending, accepted, rejected }

    /// A decision on one candidate.
    public struct Decision: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable { case accept, reject, edit }
        public var id: String
        public var decision: Kind
        public var type: RelationType?
        public var modality: Modality?
        /// Swap source and target.
        public var reverse: Bool?
        public var reviewer: String?

        public init(id: String, decision: Kind, type: RelationType? = nil, modality: Modality? = nil,
                    reverse: Bool? = nil, reviewer: String? = nil) {
            self.id = id
            self.decision = decision
            self.type = type
            self.modality = modality
            self.reverse = reverse
            self.reviewer = reviewer
        }
    }

    public struct Candidate: Sendable, Encodable {
        public var relation: CitedRelation
        public var status: Status
        public var confidence: Double?
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownCandidate(String)
        case invalid(String)
        case unreadable(String)
        public var description: String {
            switch self {
            case .unknownCandidate(let id): return "no candidate with id '\(id)'"
            case .invalid(let text), .unreadable(let text): return text
            }
        }
    }

    public let url: URL
    private let lock = Mutex(())

    public init(url: URL) { self.url = url }

    /// The candidates file as it is now, and its corpus folder.
    public func load() throws -> LoadedGraph {
        do {
            return try GraphFileReader.read(contentsOf: url, displayPath: url.path, options: .init(verifyEvidence: false))
        } catch {
            throw Failure.unreadable("\(error)")
        }
    }

    /// Every candidate with its state, in file order.
    public func candidates() throws -> (graph: ActorGraph, corpus: URL?, list: [Candidate]) {
        let loaded = try load()
        let documents = loaded.graph.documentsByID
        let list = loaded.graph.relations.map { r in
            let fields = Self.fields(r.notes)
            return Candidate(relation: CitedRelation(r, documents: documents),
                             status: fields.status.flatMap(Status.init(rawValue:)) ?? .pending,
                             confidence: fields.values["confidence"].flatMap(Double.init))
        }
        return (loaded.graph, loaded.corpusDirectory, list)
    }

    /// Applies `decision` to the file: read, change, write atomically, under one lock (so two
    /// decisions never lose each other). Returns the changed candidate.
    @discardableResult
    public func apply(_ decision: Decision, now: Date = Date()) throws -> Candidate {
        try lock.withLock { _ in
            var graph = try load().graph
            guard let i = graph.relations.firstIndex(where: { $0.id.rawValue == decision.id }) else {
                throw Failure.unknownCandidate(decision.id)
            }
            var r = graph.relations[i]
            let status: Status
            switch decision.decision {
            case .accept: status = .accepted
            case .reject: status = .rejected
            case .edit:
                if decision.type == nil && decision.modality == nil && decision.reverse != true {
                    throw Failure.invalid("an edit changes type, modality or direction (reverse)")
                }
                if let t = decision.type { r.type = t }
                if let m = decision.modality { r.modality = m }
                if decision.reverse == true { swap(&r.source, &r.target) }
                status = .accepted
            }
            let stamp = ISO8601DateFormatter().string(from: now)
            if var info = CandidateInfo(notes: r.notes) {
                // The extraction's own record (ActorGraphExtraction), written by its own code.
                info.status = CandidateStatus(rawValue: status.rawValue) ?? .pending
                info.reviewedAt = stamp
                if let reviewer = decision.reviewer { info.reviewer = reviewer }
                r.notes = info.notes
            } else {
                r.notes = Self.notes(r.notes, status: status, reviewedAt: stamp, reviewer: decision.reviewer,
                                     edited: decision.decision == .edit)
            }
            graph.relations[i] = r
            let syntax: GraphFileWriter.Syntax = url.pathExtension.lowercased() == "json" ? .json : .yaml
            try AtomicFile.write(GraphFileWriter.text(for: graph, syntax: syntax), to: url)
            let fields = Self.fields(r.notes)
            return Candidate(relation: CitedRelation(r, documents: graph.documentsByID), status: status,
                             confidence: fields.values["confidence"].flatMap(Double.init))
        }
    }

    /// The fields of a candidate notes line (`candidate; key value; …; comment free text`).
    static func fields(_ notes: String?) -> (status: String?, values: [String: String]) {
        guard let notes, notes.hasPrefix("candidate;") || notes == "candidate" else { return (nil, [:]) }
        var values: [String: String] = [:]
        for (key, value) in split(notes) { values[key] = value }
        return (values["status"], values)
    }

    /// `candidate; a 1; b 2; comment …` → [(a, 1), (b, 2), (comment, …)].
    static func split(_ notes: String) -> [(String, String)] {
        var rest = Substring(notes.dropFirst("candidate".count))
        if rest.hasPrefix(";") { rest = rest.dropFirst() }
        var out: [(String, String)] = []
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            if rest.hasPrefix("comment ") {
                out.append(("comment", String(rest.dropFirst("comment ".count))))
                break
            }
            let end = rest.range(of: "; ")?.lowerBound ?? rest.endIndex
            let field = rest[..<end]
            if let space = field.firstIndex(of: " ") {
                out.append((String(field[..<space]), String(field[field.index(after: space)...])))
            } else if !field.isEmpty {
                out.append((String(field), ""))
            }
            rest = end == rest.endIndex ? "" : rest[rest.index(end, offsetBy: 2)...]
        }
        return out
    }

    /// The notes line with `status`, `reviewer`, `reviewedAt` set (and `edited yes` for an edit),
    /// every other field kept in place; notes that were not a candidate line become one, the
    /// old text kept as its comment.
    static func notes(_ old: String?, status: Status, reviewedAt: String, reviewer: String?, edited: Bool) -> String {
        var pairs: [(String, String)]
        if let old, old.hasPrefix("candidate") { pairs = split(old) }
        else { pairs = old.map { [("comment", TextFolding.singleLine($0))] } ?? [] }
        func clean(_ s: String) -> String { TextFolding.singleLine(s).replacingOccurrences(of: ";", with: ",") }
        func put(_ key: String, _ value: String) {
            if let i = pairs.firstIndex(where: { $0.0 == key }) { pairs[i].1 = value; return }
            let comment = pairs.firstIndex { $0.0 == "comment" } ?? pairs.endIndex
            pairs.insert((key, value), at: comment)
        }
        put("status", status.rawValue)
        if let reviewer { put("reviewer", clean(reviewer)) }
        put("reviewedAt", reviewedAt)
        if edited { put("edited", "yes") }
        return (["candidate"] + pairs.map { $0.1.isEmpty ? $0.0 : "\($0.0) \($0.1)" }).joined(separator: "; ")
    }
}
