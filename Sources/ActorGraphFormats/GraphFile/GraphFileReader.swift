import ActorGraphCore
import Foundation
import Yams

/// A graph read from a file, with the warnings found on the way.
public struct LoadedGraph: Sendable {
    public var graph: ActorGraph
    public var warnings: [Diagnostic]
    /// The folder document paths are resolved against.
    public var corpusDirectory: URL?

    public init(graph: ActorGraph, warnings: [Diagnostic], corpusDirectory: URL?) {
        self.graph = graph
        self.warnings = warnings
        self.corpusDirectory = corpusDirectory
    }
}

/// Reads graph files (YAML, or JSON with the same schema) and checks them.
///
/// Reading reports every problem it finds, not only the first: syntax errors, unknown keys,
/// wrong types, duplicate ids, references to unknown actors or documents, unknown kinds, types and
/// modalities, invalid dates, `until` before `date`, empty quotes, quotes that do not occur in
/// their document, document paths outside the corpus folder, and `memberOf` cycles.
/// The schema is documented in docs/FORMAT.md.
public enum GraphFileReader {
    public struct Options: Sendable {
        /// Read each cited document and check that every quote occurs in it.
        public var verifyEvidence: Bool
        public init(verifyEvidence: Bool = true) { self.verifyEvidence = verifyEvidence }
    }

    static let topKeys = ["title", "description", "corpus", "documents", "actors", "relations"]
    static let documentKeys = ["id", "path", "title", "outlet", "published", "url", "notes"]
    static let actorKeys = ["id", "name", "kind", "aliases", "country", "memberOf", "wikidata", "notes"]
    static let membershipKeys = ["actor", "role", "date", "until"]
    static let relationKeys = ["id", "source", "target", "type", "label", "date", "until",
                               "modality", "evidence", "weight", "notes"]
    static let evidenceKeys = ["document", "quote"]

    /// Reads and checks the graph file at `url`.
    ///
    /// - Parameter displayPath: how the file is named in diagnostics (default: the path as given).
    /// - Throws: ``DiagnosticsError`` with every error and warning when there is at least one error.
    public static func read(contentsOf url: URL, displayPath: String? = nil,
                            options: Options = Options()) throws -> LoadedGraph {
        let name = displayPath ?? url.relativePath
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw DiagnosticsError([Diagnostic(file: name, message: "cannot read file: \(reason(error))")])
        }
        return try parse(bytes: bytes, file: name, baseDirectory: url.deletingLastPathComponent(),
                         options: options)
    }

    /// Parses and checks graph text. `baseDirectory` is the folder of the graph file; without one,
    /// document paths and quotes are not checked against the file system.
    public static func parse(bytes: [UInt8], file: String, baseDirectory: URL?,
                             options: Options = Options()) throws -> LoadedGraph {
        var sink = DiagnosticSink(file: file)
        let text: String
        switch TextInput.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(.invalidUTF8(let place)):
            sink.error("the file is not UTF-8 text (invalid byte sequence)", at: place)
            throw DiagnosticsError(sink.diagnostics)
        }
        let root: Yams.Node
        switch YAMLTree.parse(text) {
        case .empty:
            sink.error("the file is empty; expected a mapping with 'actors' and 'relations'", at: nil)
            throw DiagnosticsError(sink.diagnostics)
        case .failed(let message, let place):
            sink.error(message, at: place)
            throw DiagnosticsError(sink.diagnostics)
        case .tree(let tree):
            root = tree.root
        }
        var decoder = GraphDecoder(sink: sink)
        let graph = decoder.decode(root)
        // Folders are made directory URLs explicitly: whether they exist must not change how a
        // relative document path resolves against them.
        let corpus = baseDirectory.map { base in
            let folder = URL(fileURLWithPath: base.path, isDirectory: true)
            return graph.corpus.map { URL(fileURLWithPath: $0, isDirectory: true, relativeTo: folder).standardizedFileURL }
                ?? folder.standardizedFileURL
        }
        decoder.check(graph, corpus: corpus, options: options)
        sink = decoder.sink
        let diagnostics = sink.diagnostics.sorted()
        if sink.hasErrors { throw DiagnosticsError(diagnostics) }
        return LoadedGraph(graph: graph, warnings: diagnostics, corpusDirectory: corpus)
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if let error = error as? CocoaError {
            switch error.code {
            case .fileReadNoSuchFile: return "no such file"
            case .fileReadNoPermission: return "permission denied"
            default: break
            }
        }
        return error.localizedDescription
    }
}

/// Where each element was defined, for diagnostics of cross-references.
struct GraphPlaces {
    var actors: [ActorID: SourcePlace?] = [:]
    var documents: [DocumentID: SourcePlace?] = [:]
    var relations: [RelationID: SourcePlace?] = [:]
    /// Per actor, the place of each `memberOf` entry's `actor` value.
    var memberships: [ActorID: [SourcePlace?]] = [:]
    /// Per relation: source, target, and each evidence's document and quote.
    var relationFields: [Int: RelationPlaces] = [:]

    struct RelationPlaces {
        var source: SourcePlace?
        var target: SourcePlace?
        var until: SourcePlace?
        var evidence: [(document: SourcePlace?, quote: SourcePlace?)] = []
    }
}

/// Decodes the node tree into the model, then checks cross-references.
struct GraphDecoder {
    var sink: DiagnosticSink
    var places = GraphPlaces()
    /// Relations without an `evidence` key; past the limit they are counted, not listed.
    var unevidenced = 0
    static let unevidencedWarningLimit = 5

    init(sink: DiagnosticSink) { self.sink = sink }

    mutating func decode(_ root: Yams.Node) -> ActorGraph {
        var graph = ActorGraph()
        guard let top = NodeFields(root, what: "the graph", allowed: GraphFileReader.topKeys,
                                   sink: &sink) else { return graph }
        graph.title = top.string("title", sink: &sink)
        graph.description = top.string("description", sink: &sink)
        graph.corpus = top.nonEmptyString("corpus", sink: &sink)
        if top.node("actors") == nil && top.node("relations") == nil && !sink.hasErrors {
            sink.error("the graph has neither 'actors' nor 'relations'", at: top.place)
        }
        for item in top.sequence("documents", sink: &sink) ?? [] {
            if let document = decodeDocument(item) { graph.documents.append(document) }
        }
        for item in top.sequence("actors", sink: &sink) ?? [] {
            if let actor = decodeActor(item) { graph.actors.append(actor) }
        }
        var derivedIDs = RelationIDAllocator()
        for item in top.sequence("relations", sink: &sink) ?? [] {
            if let relation = decodeRelation(item, index: graph.relations.count, derivedIDs: &derivedIDs) {
                graph.relations.append(relation)
            }
        }
        if unevidenced > Self.unevidencedWarningLimit {
            sink.warning("\(unevidenced - Self.unevidencedWarningLimit) more relations cite no evidence "
                         + "(\(unevidenced) in all)", at: nil)
        }
        return graph
    }

    mutating func date(_ fields: NodeFields, _ key: String) -> PartialDate? {
        guard let text = fields.string(key, sink: &sink) else { return nil }
        if let date = PartialDate(text) { return date }
        sink.error("invalid date '\(text)' for '\(key)' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                   at: fields.node(key)?.place)
        return nil
    }

    mutating func weight(_ fields: NodeFields) -> Double? {
        guard let text = fields.string("weight", sink: &sink) else { return nil }
        if let value = Double(text), value.isFinite { return value }
        sink.error("invalid weight '\(text)' (expected a finite number)", at: fields.node("weight")?.place)
        return nil
    }

    mutating func checkOrder(_ fields: NodeFields, date: PartialDate?, until: PartialDate?) {
        if let date, let until, until.endsBefore(date) {
            sink.error("'until' \(until) is before 'date' \(date)", at: fields.node("until")?.place)
        }
    }

    mutating func decodeDocument(_ node: Yams.Node) -> Document? {
        guard let f = NodeFields(node, what: "a document", allowed: GraphFileReader.documentKeys,
                                 sink: &sink) else { return nil }
        let id = f.nonEmptyString("id", required: true, sink: &sink)
        let path = f.nonEmptyString("path", required: true, sink: &sink)
        let document = Document(
            id: DocumentID(id ?? ""), path: path ?? "",
            title: f.string("title", sink: &sink), outlet: f.string("outlet", sink: &sink),
            published: date(f, "published"), url: f.string("url", sink: &sink),
            notes: f.string("notes", sink: &sink))
        guard let id, path != nil else { return nil }
        let docID = DocumentID(id)
        if let first = places.documents[docID] {
            sink.error("duplicate document id '\(id)'\(firstAt(first))", at: f.node("id")?.place)
            return nil
        }
        places.documents[docID] = f.node("id")?.place
        return document
    }

    mutating func decodeActor(_ node: Yams.Node) -> ActorNode? {
        guard let f = NodeFields(node, what: "an actor", allowed: GraphFileReader.actorKeys,
                                 sink: &sink) else { return nil }
        let id = f.nonEmptyString("id", required: true, sink: &sink)
        let name = f.nonEmptyString("name", required: true, sink: &sink)
        let kind = f.choice("kind", of: ActorKind.self, label: "actor kind", required: true,
                            sink: &sink)
        let aliases = f.stringList("aliases", sink: &sink)
        var country = f.string("country", sink: &sink)
        if let code = country, !(code.count == 2 && code.allSatisfy({ $0.isASCII && $0.isUppercase })) {
            sink.error("invalid country '\(code)' (expected an ISO 3166-1 alpha-2 code such as IQ)",
                       at: f.node("country")?.place)
            country = nil
        }
        var memberships: [Membership] = []
        var membershipPlaces: [SourcePlace?] = []
        for item in f.sequence("memberOf", sink: &sink) ?? [] {
            guard let m = NodeFields(item, what: "a memberOf entry",
                                     allowed: GraphFileReader.membershipKeys, sink: &sink),
                  let target = m.nonEmptyString("actor", required: true, sink: &sink) else { continue }
            let start = date(m, "date"), until = date(m, "until")
            checkOrder(m, date: start, until: until)
            memberships.append(Membership(actor: ActorID(target), role: m.string("role", sink: &sink),
                                          date: start, until: until))
            membershipPlaces.append(m.node("actor")?.place)
        }
        guard let id, let name, let kind else { return nil }
        let actorID = ActorID(id)
        if let first = places.actors[actorID] {
            sink.error("duplicate actor id '\(id)'\(firstAt(first))", at: f.node("id")?.place)
            return nil
        }
        places.actors[actorID] = f.node("id")?.place
        places.memberships[actorID] = membershipPlaces
        return ActorNode(id: actorID, name: name, kind: kind, aliases: aliases, country: country,
                         memberOf: memberships, wikidata: f.string("wikidata", sink: &sink),
                         notes: f.string("notes", sink: &sink))
    }

    mutating func decodeRelation(_ node: Yams.Node, index: Int,
                                 derivedIDs: inout RelationIDAllocator) -> Relation? {
        guard let f = NodeFields(node, what: "a relation", allowed: GraphFileReader.relationKeys,
                                 sink: &sink) else { return nil }
        let explicitID = f.nonEmptyString("id", sink: &sink)
        let source = f.nonEmptyString("source", required: true, sink: &sink)
        let target = f.nonEmptyString("target", required: true, sink: &sink)
        let type = f.choice("type", of: RelationType.self, label: "relation type", required: true,
                            sink: &sink)
        let modality = f.choice("modality", of: Modality.self, label: "modality", sink: &sink)
        let start = date(f, "date"), until = date(f, "until")
        checkOrder(f, date: start, until: until)
        var evidence: [Evidence] = []
        var evidencePlaces: [(SourcePlace?, SourcePlace?)] = []
        for item in f.sequence("evidence", sink: &sink) ?? [] {
            guard let e = NodeFields(item, what: "an evidence entry",
                                     allowed: GraphFileReader.evidenceKeys, sink: &sink) else { continue }
            let document = e.nonEmptyString("document", required: true, sink: &sink)
            let quote = e.string("quote", required: true, sink: &sink)
            if let quote, quote.allSatisfy(\.isWhitespace) {
                sink.error("empty quote", at: e.node("quote")?.place ?? e.place)
                continue
            }
            guard let document, let quote else { continue }
            evidence.append(Evidence(document: DocumentID(document), quote: quote))
            evidencePlaces.append((e.node("document")?.place, e.node("quote")?.place))
        }
        if f.node("evidence") == nil, let source, let target, let type {
            unevidenced += 1
            if unevidenced <= Self.unevidencedWarningLimit {
                sink.warning("relation \(source) \(type.rawValue) \(target) cites no evidence", at: f.place)
            }
        }
        if let source, let target, source == target {
            sink.error("relation joins '\(source)' to itself", at: f.node("target")?.place)
        }
        guard let source, let target, let type else { return nil }
        var id: RelationID
        if let explicitID {
            id = RelationID(explicitID)
        } else {
            id = derivedIDs.next(source: ActorID(source), type: type, target: ActorID(target)) { places.relations[$0] != nil }
        }
        if let first = places.relations[id] {
            sink.error("duplicate relation id '\(id)'\(firstAt(first))", at: f.node("id")?.place ?? f.place)
            return nil
        }
        places.relations[id] = f.node("id")?.place ?? f.place
        places.relationFields[index] = GraphPlaces.RelationPlaces(
            source: f.node("source")?.place, target: f.node("target")?.place,
            until: f.node("until")?.place,
            evidence: evidencePlaces.map { (document: $0.0, quote: $0.1) })
        return Relation(id: id, source: ActorID(source), target: ActorID(target), type: type,
                        label: f.string("label", sink: &sink), date: start, until: until,
                        modality: modality ?? .asserted, evidence: evidence,
                        weight: weight(f), notes: f.string("notes", sink: &sink))
    }

    func firstAt(_ place: SourcePlace??) -> String {
        guard let place = place ?? nil else { return "" }
        return " (first defined at \(place))"
    }

    // MARK: Cross-reference checks

    mutating func check(_ graph: ActorGraph, corpus: URL?, options: GraphFileReader.Options) {
        let actorIDs = graph.actors.map(\.id.rawValue)
        let documentIDs = graph.documents.map(\.id.rawValue)
        func unknownActor(_ id: ActorID, at place: SourcePlace?, role: String) {
            sink.error("unknown actor '\(id)' as \(role)\(didYouMean(id.rawValue, actorIDs))", at: place)
        }
        for actor in graph.actors {
            for (index, membership) in actor.memberOf.enumerated()
            where places.actors[membership.actor] == nil {
                unknownActor(membership.actor, at: places.memberships[actor.id]?[index] ?? nil,
                             role: "memberOf of '\(actor.id)'")
            }
        }
        checkMembershipCycles(graph)
        var texts: [DocumentID: String?] = [:]
        if let corpus {
            for document in graph.documents {
                texts[document.id] = load(document, corpus: corpus,
                                          corpusName: graph.corpus.map { "corpus: \($0)" }
                                              ?? "the graph file's folder",
                                          verify: options.verifyEvidence)
            }
        }
        for (index, relation) in graph.relations.enumerated() {
            let at = places.relationFields[index]
            if places.actors[relation.source] == nil {
                unknownActor(relation.source, at: at?.source, role: "source")
            }
            if places.actors[relation.target] == nil {
                unknownActor(relation.target, at: at?.target, role: "target")
            }
            for (k, evidence) in relation.evidence.enumerated() {
                let place = at?.evidence[k]
                guard places.documents[evidence.document] != nil else {
                    sink.error("unknown document '\(evidence.document)'"
                               + didYouMean(evidence.document.rawValue, documentIDs),
                               at: place?.document)
                    continue
                }
                guard options.verifyEvidence, let text = texts[evidence.document] ?? nil else { continue }
                if !text.contains(TextFolding.quoteKey(evidence.quote)) {
                    sink.error("quote not found in document '\(evidence.document)': \""
                               + abbreviated(evidence.quote) + "\"", at: place?.quote)
                }
            }
        }
    }

    /// Reads a document's text (normalised for quote look-up), reporting paths outside the corpus.
    mutating func load(_ document: Document, corpus: URL, corpusName: String, verify: Bool) -> String? {
        let place = places.documents[document.id] ?? nil
        let url = URL(fileURLWithPath: document.path, relativeTo: corpus).standardizedFileURL
        let root = corpus.resolvingSymlinksInPath().path
        let resolved = url.resolvingSymlinksInPath().path
        if document.path.hasPrefix("/") || !(resolved == root || resolved.hasPrefix(root + "/")) {
            sink.error("document '\(document.id)' path '\(document.path)' resolves outside the "
                       + "corpus folder (\(corpusName))", at: place)
            return nil
        }
        guard verify else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            sink.error("document '\(document.id)' cannot be read at \(url.path)", at: place)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.error("document '\(document.id)' is not UTF-8 text", at: place)
            return nil
        }
        return TextFolding.quoteKey(text)
    }

    mutating func checkMembershipCycles(_ graph: ActorGraph) {
        var parents: [ActorID: [ActorID]] = [:]
        for actor in graph.actors { parents[actor.id] = actor.memberOf.map(\.actor) }
        // 0 = unvisited, 1 = on the current path, 2 = done.
        var state: [ActorID: Int] = [:]
        var reported = Set<ActorID>()
        for start in graph.actors.map(\.id) where state[start, default: 0] == 0 {
            var path: [ActorID] = []
            var stack: [(ActorID, Int)] = [(start, 0)]
            state[start] = 1
            path.append(start)
            while let (node, next) = stack.last {
                let list = parents[node] ?? []
                if next == list.count {
                    stack.removeLast(); path.removeLast(); state[node] = 2
                    continue
                }
                stack[stack.count - 1].1 += 1
                let parent = list[next]
                switch state[parent, default: 0] {
                case 0 where parents[parent] != nil:
                    state[parent] = 1; path.append(parent); stack.append((parent, 0))
                case 1:
                    let cycle = Array(path[path.firstIndex(of: parent)!...]) + [parent]
                    if reported.insert(parent).inserted {
                        let index = (parents[node] ?? []).firstIndex(of: parent) ?? 0
                        sink.error("memberOf cycle: " + cycle.map(\.rawValue).joined(separator: " → "),
                                   at: places.memberships[node]?[index] ?? nil)
                    }
                default: break
                }
            }
        }
    }
}

func abbreviated(_ text: String, limit: Int = 60) -> String {
    let flat = TextFolding.quoteKey(text)
    return flat.count <= limit ? flat : String(flat.prefix(limit)) + "…"
}
