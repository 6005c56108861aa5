import ActorGraphCore
import ActorGraphFormats
import Foundation

/// Merges accepted candidates into a graph.
public enum CandidateMerge {
    public struct Summary: Sendable, Equatable {
        public var relationsAdded = 0
        /// Accepted candidates equal to an existing relation (endpoints, type, date): their quote
        /// was added to it (or was already there).
        public var evidenceAdded = 0
        public var duplicates = 0
        /// Proposed actors added, with their id in the candidates file and in the graph.
        public var actorsAdded: [(from: ActorID, to: ActorID)] = []
        public var documentsAdded: [DocumentID] = []
        public var notAccepted = 0

        public static func == (a: Summary, b: Summary) -> Bool {
            a.relationsAdded == b.relationsAdded && a.evidenceAdded == b.evidenceAdded && a.duplicates == b.duplicates
                && a.actorsAdded.map(\.to) == b.actorsAdded.map(\.to) && a.documentsAdded == b.documentsAdded
                && a.notAccepted == b.notAccepted
        }
    }

    /// The graph with the accepted candidates merged in.
    ///
    /// - Parameters:
    ///   - candidatesCorpus: the folder the candidates file's document paths are relative to.
    ///   - targetCorpus: the folder the target graph's document paths are relative to. New
    ///     documents get paths relative to it (possibly climbing with `..`; the writer's
    ///     ``ActorGraph/relocatingCorpus(from:to:)`` rebases those).
    public static func merge(_ candidates: ActorGraph, candidatesCorpus: URL, into target: ActorGraph,
                             targetCorpus: URL) -> (ActorGraph, Summary) {
        var graph = target
        var summary = Summary()
        var actorIDs = Set(graph.actors.map(\.id))
        var renamed: [ActorID: ActorID] = [:]
        let candidateActors = Dictionary(candidates.actors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let candidateDocuments = Dictionary(candidates.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        func actor(_ id: ActorID) -> ActorID {
            if let done = renamed[id] { return done }
            if actorIDs.contains(id) { return id }
            guard var node = candidateActors[id] else { return id }
            // An actor of the same name is already there (an earlier merge): the same actor.
            let key = TextFolding.nameKey(node.name)
            if let existing = graph.actors.first(where: { a in
                ([a.name] + a.aliases).contains { TextFolding.nameKey($0) == key } }) {
                renamed[id] = existing.id
                return existing.id
            }
            var newID = id
            if ProposedMark.isProposed(node) {
                let base = id.rawValue.hasPrefix(ProposedMark.idPrefix) ? String(id.rawValue.dropFirst(ProposedMark.idPrefix.count)) : id.rawValue
                newID = ActorID(base)
                var k = 2
                while actorIDs.contains(newID) { newID = ActorID("\(base)-\(k)"); k += 1 }
                let rule = node.notes.flatMap { $0.components(separatedBy: "found by ").last } ?? "extraction"
                node.notes = "Added from extracted candidates (found by \(rule)); check name and kind."
                summary.actorsAdded.append((id, newID))
            }
            node.id = newID
            node.memberOf = node.memberOf.filter { actorIDs.contains($0.actor) }
            graph.actors.append(node)
            actorIDs.insert(newID)
            renamed[id] = newID
            return newID
        }

        var documentIDs = Set(graph.documents.map(\.id))
        func document(_ id: DocumentID) {
            guard !documentIDs.contains(id), var doc = candidateDocuments[id] else { return }
            let absolute = URL(fileURLWithPath: doc.path, relativeTo: candidatesCorpus).standardizedFileURL
            doc.path = RelativePath.from(targetCorpus, to: absolute)
            graph.documents.append(doc)
            documentIDs.insert(id)
            summary.documentsAdded.append(id)
        }

        var relationIDs = Set(graph.relations.map(\.id))
        var allocator = RelationIDAllocator()
        for relation in candidates.relations.sorted(by: { $0.id < $1.id }) {
            let info = CandidateInfo(notes: relation.notes)
            guard info?.status == .accepted else { summary.notAccepted += 1; continue }
            let source = actor(relation.source), target = actor(relation.target)
            relation.evidence.forEach { document($0.document) }
            let same = graph.relations.firstIndex { r in
                r.type == relation.type && r.date == relation.date
                    && ((r.source == source && r.target == target)
                        || (relation.type.isSymmetric && r.source == target && r.target == source))
            }
            if let index = same {
                summary.duplicates += 1
                for e in relation.evidence where !graph.relations[index].evidence.contains(where: {
                    $0.document == e.document && TextFolding.quoteKey($0.quote) == TextFolding.quoteKey(e.quote)
                }) {
                    graph.relations[index].evidence.append(e)
                    summary.evidenceAdded += 1
                }
                continue
            }
            let id = allocator.next(source: source, type: relation.type, target: target) { relationIDs.contains($0) }
            relationIDs.insert(id)
            var notes = "Extracted by actorgraph extract"
            if let info {
                notes += " (rule \(info.rule), confidence \(formatNumber(info.confidence)))"
                if let reviewer = info.reviewer { notes += "; accepted by \(reviewer)" }
                if let at = info.reviewedAt { notes += " at \(at)" }
                if let comment = info.comment { notes += "; \(comment)" }
            }
            graph.relations.append(Relation(
                id: id, source: source, target: target, type: relation.type, label: relation.label,
                date: relation.date, until: relation.until, modality: relation.modality,
                evidence: relation.evidence, weight: relation.weight, notes: notes))
            summary.relationsAdded += 1
        }
        return (graph, summary)
    }
}
